var m = 1
m <<= 3
m