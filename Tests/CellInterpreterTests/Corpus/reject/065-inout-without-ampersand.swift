func double(_ x: inout Int) { x *= 2 }
var n = 3
double(n)
print(n)
