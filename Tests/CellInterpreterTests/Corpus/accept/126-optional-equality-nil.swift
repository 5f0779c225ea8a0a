let a: Int? = 3
let b: Int? = nil
print(a == nil, b == nil)
print(a != nil)
print(a == 3, b == 3)
print(a == Optional(3))
print(b == Optional<Int>.none)
var c: String? = "x"
c = nil
print(c == nil)
