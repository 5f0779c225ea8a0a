let a = 1
let b = 1.0
print(a < b)
