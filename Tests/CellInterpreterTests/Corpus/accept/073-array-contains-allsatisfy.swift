let a = [2, 4, 6, 7]
print(a.contains(4), a.contains(5))
print(a.contains { $0 > 6 })
print(a.contains(where: { $0 < 0 }))
print(a.allSatisfy { $0 % 2 == 0 })
print(a.dropLast().allSatisfy { $0 % 2 == 0 })
print([Int]().allSatisfy { $0 > 100 })
print(["a", "b"].contains("b"))
