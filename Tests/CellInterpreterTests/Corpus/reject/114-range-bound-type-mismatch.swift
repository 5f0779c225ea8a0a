let r = 0..<3
let x: Double = r.lowerBound
print(x)
