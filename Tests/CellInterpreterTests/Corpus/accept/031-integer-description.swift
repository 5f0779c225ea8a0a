let n = 255
print(String(n))
print(String(n, radix: 2))
print(String(n, radix: 16))
print(String(n, radix: 16, uppercase: true))
print(Int("ff", radix: 16) ?? 0)
print(Int("1010", radix: 2)!)
print(n.description)
print(3.5.description)
