import Foundation
let count = 3
let sum = 10
let mean = Double(sum) / Double(count)
print(mean)
print(mean * 3)
let pct = Double(2) / Double(3) * 100
print(pct)
print(Int(pct))
print((pct * 10).rounded() / 10)
