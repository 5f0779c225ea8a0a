var s: Set<Int> = [1]
s.insert("x")
print(s)
