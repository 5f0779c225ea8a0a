enum Color { case red, green }
print(Color.red.rawValue)
