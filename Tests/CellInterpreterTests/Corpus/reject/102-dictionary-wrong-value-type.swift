var d = ["a": 1]
d["b"] = "two"
print(d)
