let s: String? = "hi"
print(s.count)
