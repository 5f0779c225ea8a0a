func fail(_ message: String) -> Never {
    print("fatal:", message)
    fatalError(message)
}
func check(_ x: Int) -> Int {
    guard x >= 0 else { fail("negative input \(x)") }
    return x * 2
}
print(check(4))
print(check(0))
print(check(-1))
