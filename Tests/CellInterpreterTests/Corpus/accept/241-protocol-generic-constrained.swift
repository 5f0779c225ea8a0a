func largest<T: Comparable>(_ xs: [T]) -> T {
    var best = xs[0]
    for x in xs where x > best {
        best = x
    }
    return best
}
print(largest([3, 9, 2]))
print(largest(["pear", "apple", "zucchini"]))
print(largest([2.5, -1]))
func allEqual<T: Equatable>(_ xs: [T]) -> Bool {
    guard let f = xs.first else { return true }
    return xs.allSatisfy { $0 == f }
}
print(allEqual([1, 1, 1]), allEqual(["a", "b"]), allEqual([Int]()))
