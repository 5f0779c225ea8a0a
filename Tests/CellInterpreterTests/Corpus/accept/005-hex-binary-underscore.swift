let a = 0xFF
let b = 0b1011
let c = 0o17
let d = 1_000_000
let e = 0x1p4
print(a, b, c, d)
print(e)
print(1_000.5)
print(-0x10)
print(0b1111_0000)
