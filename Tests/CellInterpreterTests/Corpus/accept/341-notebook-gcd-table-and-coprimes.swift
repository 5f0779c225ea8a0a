func gcd(_ a: Int, _ b: Int) -> Int {
    var a = a, b = b
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
let n = 12
let coprimes = (1...n).filter { gcd($0, n) == 1 }
print(coprimes, coprimes.count)
for i in 1...4 {
    print((1...6).map { gcd(i * 2, $0) })
}
