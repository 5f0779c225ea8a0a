func binaryStrings(_ n: Int) -> [String] {
    if n == 0 { return [""] }
    let shorter = binaryStrings(n - 1)
    return shorter.map { "0" + $0 } + shorter.map { "1" + $0 }
}
print(binaryStrings(3))
func digitsSum(_ n: Int) -> Int { n < 10 ? n : n % 10 + digitsSum(n / 10) }
print(digitsSum(987654321))
