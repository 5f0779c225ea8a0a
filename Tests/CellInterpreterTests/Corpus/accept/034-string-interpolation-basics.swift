let name = "Ada"
let age = 36
let height = 1.7
print("Name: \(name), age \(age), height \(height)")
print("Next year: \(age + 1)")
print("Half: \(Double(age) / 2)")
let xs = [1, 2, 3]
print("Array: \(xs)")
let flag = true
print("Flag is \(flag)")
print("Nested \("quote \(name)")")
