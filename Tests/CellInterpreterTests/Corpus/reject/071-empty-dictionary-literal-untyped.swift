let d = [:]
print(d)
