let a = "café"
let b = "cafe\u{301}"
print(a == b)
print(a.count, b.count)
print(a.hasSuffix("é"), b.hasSuffix("é"))
print(["b", "a", "é", "e"].sorted())
