let count = 10
let ratio = 0.25
let result = count + ratio
print(result)
