let a = [1, 2, 3]
a[0] = 10
print(a)
