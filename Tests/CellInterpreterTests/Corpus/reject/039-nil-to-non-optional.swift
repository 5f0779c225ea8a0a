var name: String = "x"
name = nil
print(name)
