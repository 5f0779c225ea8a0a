let r: Double = 1 / 3
print(r)
let s = 1 / 2 * (0.3 * 0.3)
print(s)
let t: Double = 7 / 2
print(t)
let u = 7 / 2
print(u)
let v = 7.0 / 2
print(v)
