func countMatches<T>(_ xs: [T], _ target: T) -> Int where T: Equatable {
    xs.filter { $0 == target }.count
}
print(countMatches([1, 2, 1, 1], 1))
print(countMatches(["x", "y"], "z"))
func maxPair<T>(_ a: (T, T)) -> T where T: Comparable {
    max(a.0, a.1)
}
print(maxPair((3, 8)), maxPair(("b", "a")))
extension Array where Element: Numeric {
    func total() -> Element { reduce(0, +) }
}
print([1, 2, 3].total(), [1.5, 1.5].total())
