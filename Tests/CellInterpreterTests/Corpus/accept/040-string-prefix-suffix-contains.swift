let s = "swift programming"
print(s.hasPrefix("swift"))
print(s.hasPrefix("Swift"))
print(s.hasSuffix("ing"))
print(s.contains("gram"))
print(s.contains("xyz"))
print(s.contains("p"))
let c: Character = "w"
print(s.contains(c))
print("".hasPrefix(""))
