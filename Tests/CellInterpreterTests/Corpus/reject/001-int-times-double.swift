let n = 3
let x = 1.5
print(n * x)
