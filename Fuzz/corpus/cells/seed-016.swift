let xs: [Int] = []
if let first = xs.first { print(first) } else { print("empty") }