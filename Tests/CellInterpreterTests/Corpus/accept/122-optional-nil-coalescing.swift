let a: Int? = nil
let b: Int? = 3
print(a ?? 0)
print(b ?? 0)
print(a ?? b ?? 99)
let name: String? = nil
print("Hello, \(name ?? "stranger")")
let d = ["k": 1]
print(d["k"] ?? 0, d["q"] ?? 0)
print((a ?? 1) + (b ?? 1))
