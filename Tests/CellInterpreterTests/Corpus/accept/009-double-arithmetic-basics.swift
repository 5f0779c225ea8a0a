let x = 10.0
let y = 4.0
print(x + y)
print(x - y)
print(x * y)
print(x / y)
print(x.truncatingRemainder(dividingBy: y))
print((-x).truncatingRemainder(dividingBy: y))
print(x.remainder(dividingBy: 3))
var z = 1.5
z *= 3
z -= 0.5
print(z)
