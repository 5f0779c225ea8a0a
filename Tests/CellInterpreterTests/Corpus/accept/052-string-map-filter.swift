let s = "abc"
print(s.map { $0.uppercased() })
print(s.map { String($0) + String($0) })
let digits = "a1b2c3".filter { $0.isNumber }
print(digits)
let values = "4 8 15 16 23 42".split(separator: " ").compactMap { Int($0) }
print(values)
print(values.reduce(0, +))
