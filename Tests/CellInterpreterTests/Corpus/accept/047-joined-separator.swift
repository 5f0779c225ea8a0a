let words = ["one", "two", "three"]
print(words.joined(separator: ", "))
print(words.joined())
print(words.joined(separator: "\n"))
let nums = [1, 2, 3]
print(nums.map { String($0) }.joined(separator: "+"))
print([String]().joined(separator: "-").isEmpty)
