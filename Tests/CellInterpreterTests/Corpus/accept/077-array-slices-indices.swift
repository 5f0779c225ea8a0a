let a = [10, 20, 30, 40, 50]
let s = a[1..<3]
print(s)
print(s.startIndex, s.endIndex)
print(s.indices)
print(s[1], s[2])
print(s.first!)
let t = a[2...]
print(t, t.startIndex)
let u = a[..<2]
print(u, u.startIndex, u.endIndex)
print(Array(s), Array(s).startIndex)
print(type(of: s))
