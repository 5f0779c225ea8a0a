let a = 3
let b = 2.0
print(Double(a) * b)
let c = 1 + 2.5
print(c)
let d = 10 / 4
let e = 10 / 4.0
print(d, e)
let f: Double = 3
print(f)
let g = [1, 2.5]
print(g)
let h = [1, 2, 3].map { Double($0) / 2 }
print(h)
