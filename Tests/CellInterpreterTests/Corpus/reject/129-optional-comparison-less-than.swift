let a: Int? = 3
let b = 4
print(a < b)
