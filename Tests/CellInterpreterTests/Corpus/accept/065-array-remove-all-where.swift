var nums = Array(1...12)
nums.removeAll(where: { $0 % 3 == 0 })
print(nums)
nums.removeAll { $0 > 8 }
print(nums)
var words = ["a", "bb", "ccc", "dd"]
words.removeAll { $0.count == 2 }
print(words)
