let s = "one two three"
let parts = s.split(separator: " ")
let first = parts[0]
print(first)
print(type(of: first))
print(type(of: parts))
let str = String(first)
print(type(of: str))
print(first.count, first.uppercased())
print(first == "one")
