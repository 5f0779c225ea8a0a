print(Int.max)
print(Int.min)
print(Int.max - 1)
print(Int.min + 1)
let m = Int.max
print(m / 2)
print(Int.max == 9223372036854775807)
print(Double(Int.max))
