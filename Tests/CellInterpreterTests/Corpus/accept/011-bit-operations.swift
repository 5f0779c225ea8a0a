let a = 0b1100
let b = 0b1010
print(a & b)
print(a | b)
print(a ^ b)
print(~a)
print(a << 2)
print(a >> 2)
print(-16 >> 2)
print(1 << 10)
print(a.nonzeroBitCount)
print(255 & 0x0F)
