var h = [Double](repeating: 0, count: 4)
print(h)
h[0] = 10
h[1] = 3
print(h[0] / 4)
print(h[1] / 2)
let xs: [Double] = [1, 2, 3]
print(xs)
let total = xs.reduce(0, +)
print(total / 2)
let d: Double = 5
print(d, d / 2)
