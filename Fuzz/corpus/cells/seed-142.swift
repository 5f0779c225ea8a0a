print("a", terminator: "")
print("b")