let s = "abcdefgh"
print(s.prefix(3))
print(s.suffix(2))
print(s.dropFirst())
print(s.dropFirst(3))
print(s.dropLast(2))
print(s.prefix(100))
print(String(s.prefix(0)).isEmpty)
print(type(of: s.prefix(3)))
