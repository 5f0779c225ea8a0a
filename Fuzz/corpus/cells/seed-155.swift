print(1)
let y = 1 / 0
print(2)