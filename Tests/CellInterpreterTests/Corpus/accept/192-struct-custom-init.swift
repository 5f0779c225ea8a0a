struct Fraction {
    var num: Int
    var den: Int
    init(_ num: Int, _ den: Int) {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
        let g = gcd(num, den)
        self.num = num / g
        self.den = den / g
    }
    init(whole: Int) {
        self.init(whole, 1)
    }
    var value: Double { Double(num) / Double(den) }
}
let f = Fraction(6, 8)
print(f, f.value)
print(Fraction(whole: 3))
print(Fraction(10, 5).num)
