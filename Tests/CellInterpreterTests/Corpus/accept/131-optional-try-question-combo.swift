let inputs = ["10", "abc", "-3"]
let parsed = inputs.map { Int($0) }
print(parsed)
let valid = parsed.compactMap { $0 }
print(valid)
let doubled = parsed.map { $0.map { $0 * 2 } }
print(doubled)
let firstBad = inputs.first { Int($0) == nil }
print(firstBad ?? "none")
