let a = 1
let b = true
print(a && b)
