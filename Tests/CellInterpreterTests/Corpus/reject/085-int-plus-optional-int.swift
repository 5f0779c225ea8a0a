let a = 1
let b: Int? = 2
print(a + b)
