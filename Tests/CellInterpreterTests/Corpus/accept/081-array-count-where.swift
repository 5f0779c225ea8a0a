let a = [1, 5, 8, 12, 3, 10]
print(a.count(where: { $0 > 4 }))
print(a.count { $0 % 2 == 0 })
print(a.filter { $0 > 4 }.count)
let words = ["a", "bb", "ccc"]
print(words.count(where: { $0.count >= 2 }))
