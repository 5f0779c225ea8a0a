import Foundation
let values = [3.14159, 2.71828, 1.41421, 100.0]
for v in values {
    print(String(format: "%8.3f", v), String(format: "%.1e", v))
}
let total = values.reduce(0, +)
print("total: " + String(format: "%.2f", total))
print(String(format: "%d items, avg %.4f", values.count, total / Double(values.count)))
