func applyN(_ n: Int, _ f: (Int) -> Int, to x: Int) -> Int {
    var v = x
    for _ in 0..<n { v = f(v) }
    return v
}
print(applyN(3, { $0 * 2 }, to: 1))
print(applyN(0, { $0 + 1 }, to: 5))
func myMap(_ xs: [Int], _ f: (Int) -> String) -> [String] {
    var out: [String] = []
    for x in xs { out.append(f(x)) }
    return out
}
print(myMap([1, 2]) { "<\($0)>" })
