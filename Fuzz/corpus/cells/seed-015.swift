let xs = [1, 2, 3]
if let first = xs.first { print(first) }