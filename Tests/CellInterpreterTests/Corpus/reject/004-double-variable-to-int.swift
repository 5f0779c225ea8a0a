let d = 3.7
let i: Int = d
print(i)
