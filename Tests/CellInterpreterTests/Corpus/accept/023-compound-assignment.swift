var x = 5
x += 10
print(x)
x -= 3
print(x)
x *= 4
print(x)
x /= 5
print(x)
x %= 3
print(x)
var y = 2.0
y *= 1.5
y /= 4
print(y)
var s = "ab"
s += "cd"
print(s)
