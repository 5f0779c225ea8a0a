let s = "hello"
print(s.size)
