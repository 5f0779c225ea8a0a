enum E: Error { case odd(Int) }
func half(_ x: Int) throws -> Int {
    if x % 2 != 0 { throw E.odd(x) }
    return x / 2
}
do {
    let xs = try [2, 4, 6].map { try half($0) }
    print(xs)
    let ys = try [8, 3, 10].map { try half($0) }
    print(ys)
} catch {
    print("failed:", error)
}
func applyAll(_ xs: [Int], _ f: (Int) throws -> Int) rethrows -> [Int] {
    try xs.map(f)
}
print(applyAll([1, 2]) { $0 + 1 })
print((try? applyAll([4, 5], half)) as Any)
