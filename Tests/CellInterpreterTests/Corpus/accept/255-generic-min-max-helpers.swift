func clamp<T: Comparable>(_ x: T, _ lo: T, _ hi: T) -> T {
    min(max(x, lo), hi)
}
print(clamp(15, 0, 10), clamp(-3, 0, 10), clamp(5, 0, 10))
print(clamp(0.5, 0.0, 1.0))
print(clamp("m", "a", "f"))
func minMax<T: Comparable>(_ xs: [T]) -> (T, T)? {
    guard let lo = xs.min(), let hi = xs.max() else { return nil }
    return (lo, hi)
}
print(minMax([4, 2, 8]) as Any)
print(minMax([String]()) as Any)
