enum Color { case red, green }
enum Status: String { case active, inactive }
enum Token { case num(Int), op(Character) }
print([Color.red, .green])
print([Status.active])
print([Token.num(3), .op("+")])
print(Color.red)
print(Token.num(3))
let o: Color? = .green
print(o as Any)
print((Color.red, 1))
print(type(of: Color.red))
