let a = 0.1 + 0.2
let b = 0.3
print(a == b)
print(abs(a - b) < 1e-9)
print(a > b)
print(a - b)
print(max(a, b))
print(Double.greatestFiniteMagnitude)
print(Double.leastNormalMagnitude)
print(Double.ulpOfOne)
