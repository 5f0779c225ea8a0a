var x = 1.5
x *= 2
x