let x: Int? = 1
print(x + 1)
