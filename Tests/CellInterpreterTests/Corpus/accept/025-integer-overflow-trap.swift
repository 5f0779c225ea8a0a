var x = Int.max - 2
print(x)
x += 1
print(x)
x += 1
print(x)
x += 1
print("unreachable", x)
