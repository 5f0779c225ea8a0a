let d: [String: Int] = ["a": 1]
let total = d["a"] * 2
print(total)
