let a = [3, 1, 2]
let b = a.sorted()
let c = a.sorted(by: >)
print(a, b, c)
let words = ["banana", "Apple", "cherry", "apple"]
print(words.sorted())
print(words.sorted { $0.count < $1.count })
let pairs = [(2, "b"), (1, "z"), (2, "a")]
print(pairs.sorted { $0 < $1 })
