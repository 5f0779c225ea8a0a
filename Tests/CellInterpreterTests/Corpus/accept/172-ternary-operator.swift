for n in [-3, 0, 8] {
    let s = n > 0 ? "positive" : n < 0 ? "negative" : "zero"
    print(n, s)
}
let xs = [1, 2, 3]
print(xs.isEmpty ? "empty" : "has \(xs.count)")
let value: Double = true ? 1 : 2.5
print(value)
