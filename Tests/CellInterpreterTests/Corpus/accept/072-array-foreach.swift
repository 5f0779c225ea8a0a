let a = ["x", "y", "z"]
a.forEach { print($0) }
a.enumerated().forEach { print($0.offset, $0.element) }
var total = 0
[1, 2, 3].forEach { total += $0 }
print(total)
