func double(_ x: inout Int) { x *= 2 }
let n = 3
double(&n)
print(n)
