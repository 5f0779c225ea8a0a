var balance = 1000.0
let rate = 0.05
for year in 1...5 {
    balance *= 1 + rate
    print("year \(year): \(balance)")
}
let years = (1...30).first { 1000.0 * pow2(1.05, $0) >= 2000 }
func pow2(_ b: Double, _ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<e { r *= b }
    return r
}
print("doubles after", years!, "years")
