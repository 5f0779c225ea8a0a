let xs = [1, 2, 3]
let total: Int = xs.reduce(0.0, +)
print(total)
