let a: Int? = 3
print(a as Any)
print(a!)
let b: Int? = nil
print(b as Any)
let nested: Int?? = 4
print(nested as Any)
let nestedNil: Int?? = .some(nil)
print(nestedNil as Any)
let s: String? = "x"
print(s as Any)
print([a, b])
print(Optional(Optional(4)) as Any)
