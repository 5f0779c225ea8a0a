func safeDivide(_ a: Int, _ b: Int) -> Int {
    precondition(b != 0, "division by zero")
    assert(a >= 0, "a should be non-negative")
    return a / b
}
print(safeDivide(10, 3))
assert(1 + 1 == 2)
precondition(true, "fine")
print("all checks passed")
