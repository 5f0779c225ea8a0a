let xs = [1.0, 2.5, 1e-05, 1e16]
print(xs)
let t = (1.0, 0.5)
print(t)
let o: Double? = 3
print(o as Any)
let d = ["k": 0.1 + 0.2]
print(d)
print("\(1e-05) \(100.0) \(-0.0)")
