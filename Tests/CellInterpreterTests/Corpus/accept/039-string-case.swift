let s = "Hello, World 123"
print(s.uppercased())
print(s.lowercased())
print("straße".uppercased())
print("ÀÉÎ".lowercased())
