enum Color { case red, green, blue }
let c = Color.red
switch c {
case .red: print("r")
case .green: print("g")
}
