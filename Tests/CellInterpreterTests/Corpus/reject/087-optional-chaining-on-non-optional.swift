let s = "abc"
print(s?.count)
