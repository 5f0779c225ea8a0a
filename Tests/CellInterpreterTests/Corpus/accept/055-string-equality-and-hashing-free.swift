let a = "hello"
var b = "hel"
b += "lo"
print(a == b)
print(a != "Hello")
print(a.lowercased() == "HELLO".lowercased())
let c = b
b = "changed"
print(c, b)
