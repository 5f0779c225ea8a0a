enum Color { case red }
let c = Color(rawValue: 0)
print(c as Any)
