enum Color { case red, green }
let c = Color.blue
print(c)
