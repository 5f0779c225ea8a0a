let a = 17
let b = 5
print(a + b)
print(a - b)
print(a * b)
print(a / b)
print(a % b)
print(-a / b)
print(-a % b)
print(a / b * b + a % b)
var c = 10
c += 5
c -= 3
c *= 2
c /= 4
c %= 4
print(c)
