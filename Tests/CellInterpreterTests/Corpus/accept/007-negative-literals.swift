let a = -5
let b = -2.5
print(a, b)
print(-a)
print(a * -2)
print(-b * 2)
print(abs(a), abs(b))
print(-7 / 2, -7 % 2)
print(7 / -2, 7 % -2)
