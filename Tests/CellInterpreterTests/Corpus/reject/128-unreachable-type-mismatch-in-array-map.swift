let names = ["a", "b"]
let lengths: [Int] = names.map { $0.uppercased() }
print(lengths)
