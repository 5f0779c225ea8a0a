enum Color { case red, green }
print(Color.allCases)
