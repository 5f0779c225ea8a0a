let a = [1, 2, 3].map { $0 * 2 }
print(a)
let b = [1, 2, 3].map { Double($0) * 0.5 }
print(b)
let c: [Double] = [1, 2, 3].map { Double($0) }
print(c)
let d = [1.0, 2, 3]
print(d)
let e: Double? = 4
print(e as Any)
let f: [String: Double] = ["x": 1]
print(f)
let g = (1, 2.0)
print(g)
