let a = 7 / 2 * 2
print(a)
let b = 7.0 / 2 * 2
print(b)
let c: Double = 7 / 2 * 2
print(c)
let n = 7
print(n / 2 * 2)
print(Double(n) / 2 * 2)
print(Double(n / 2) * 2)
