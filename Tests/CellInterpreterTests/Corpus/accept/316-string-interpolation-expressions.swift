let items = ["apple", "pear"]
print("There are \(items.count) items: \(items.joined(separator: " & "))")
print("Sum: \([1, 2, 3].reduce(0, +)), max: \([4, 9, 2].max()!)")
print("Bool: \(3 > 2), ternary: \(items.isEmpty ? "none" : "some")")
let x = 2.0
print("x^2 = \(x * x), half = \(x / 4)")
print("dict \(["a": 1])")
print("closure result \({ 5 * 5 }())")
