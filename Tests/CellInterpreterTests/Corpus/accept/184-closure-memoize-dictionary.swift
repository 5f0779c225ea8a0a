var cache: [Int: Int] = [:]
var calls = 0
func slowSquare(_ n: Int) -> Int {
    if let v = cache[n] { return v }
    calls += 1
    let v = n * n
    cache[n] = v
    return v
}
for n in [3, 4, 3, 3, 5, 4] {
    print(slowSquare(n), terminator: " ")
}
print()
print("calls:", calls, "cached:", cache.count)
