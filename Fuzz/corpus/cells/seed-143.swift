let x = 2
x
x * 3