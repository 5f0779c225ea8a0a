func place(at position: Int, _ names: String...) -> Int { position + names.count }
print(place("a"))
