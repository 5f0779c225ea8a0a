func outer(_ n: Int) -> Int {
    func helper(_ x: Int) -> Int {
        return x * 10
    }
    var total = 0
    func add(_ x: Int) {
        total += helper(x)
    }
    for i in 1...n {
        add(i)
    }
    return total
}
print(outer(3))
print(outer(1))
