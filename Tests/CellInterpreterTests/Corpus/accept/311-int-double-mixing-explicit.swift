let count = 4
let price = 2.5
let total = Double(count) * price
print(total)
let average = total / Double(count)
print(average)
let rounded = Int(total)
print(rounded)
let percent = Double(count) / 10 * 100
print(percent)
