let nums = [1, 2, 3, 4, 5, 6]
let squares = nums.map { $0 * $0 }
print(squares)
let evens = nums.filter { $0 % 2 == 0 }
print(evens)
let sum = nums.reduce(0, +)
print(sum)
let product = nums.reduce(1) { $0 * $1 }
print(product)
let desc = nums.map { "n\($0)" }
print(desc)
let halves = nums.map { Double($0) / 2 }
print(halves)
