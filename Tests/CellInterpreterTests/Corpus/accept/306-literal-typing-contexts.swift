func half(_ x: Double) -> Double { x / 2 }
print(half(3))
let xs: [Double] = [1, 2, 3]
print(xs.map { $0 / 2 })
let total: Double = xs.reduce(0, +) / 2
print(total)
var acc = 0.0
acc += 1
print(acc)
let ratio = 3 / 4 * 1.0
print(ratio)
let ratio2 = 3.0 / 4 * 1
print(ratio2)
let mixed = 2 * 0.5 + 1
print(mixed)
