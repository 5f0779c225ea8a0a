var memo: [Int: Int] = [0: 0, 1: 1]
func fib(_ n: Int) -> Int {
    if let v = memo[n] { return v }
    let v = fib(n - 1) + fib(n - 2)
    memo[n] = v
    return v
}
print(fib(10))
print(fib(50))
print(fib(90))
print(memo.count)
print((0..<10).map(fib))
