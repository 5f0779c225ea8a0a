let xs = [1.5, 2.25, 3.0]
print(xs.reduce(0, +))
print(xs.reduce(0.0) { $0 + $1 * $1 })
let mean = xs.reduce(0, +) / Double(xs.count)
print(mean)
print(xs.map { $0 - mean })
