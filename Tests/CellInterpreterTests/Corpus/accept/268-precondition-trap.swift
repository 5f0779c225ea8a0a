func sqrtInt(_ n: Int) -> Int {
    precondition(n >= 0, "n must be non-negative")
    var r = 0
    while (r + 1) * (r + 1) <= n { r += 1 }
    return r
}
print(sqrtInt(17))
print(sqrtInt(100))
print(sqrtInt(-1))
