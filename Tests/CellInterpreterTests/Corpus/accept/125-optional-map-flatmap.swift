let a: Int? = 5
let b: Int? = nil
print(a.map { $0 * 2 } as Any)
print(b.map { $0 * 2 } as Any)
let s: String? = "42"
print(s.flatMap { Int($0) } as Any)
print(s.map { Int($0) } as Any)
let t: String? = "x"
print(t.flatMap { Int($0) } as Any)
print(a.map { "n=\($0)" } ?? "none")
