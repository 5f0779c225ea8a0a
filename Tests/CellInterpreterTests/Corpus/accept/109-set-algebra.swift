let a: Set = [1, 2, 3, 4]
let b: Set = [3, 4, 5]
print(a.union(b).sorted())
print(a.intersection(b).sorted())
print(a.subtracting(b).sorted())
print(a.symmetricDifference(b).sorted())
print(Set([3, 4]).isSubset(of: a))
print(a.isSuperset(of: [1, 2]))
print(a.isDisjoint(with: [7, 8]))
print(a == Set([4, 3, 2, 1]))
