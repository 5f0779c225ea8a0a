func sum<T: Numeric>(_ xs: [T]) -> T {
    var total: T = 0
    for x in xs { total += x }
    return total
}
print(sum([1, 2, 3]))
print(sum([0.5, 0.25]))
print(sum([Int]()))
func average<T: BinaryFloatingPoint>(_ xs: [T]) -> T {
    xs.reduce(0, +) / T(xs.count)
}
print(average([1.0, 2.0, 4.0]))
