let a = true
let b = a + 1
print(b)
