func minMax(_ xs: [Int]) -> (min: Int, max: Int) {
    var lo = xs[0]
    var hi = xs[0]
    for x in xs {
        lo = min(lo, x)
        hi = max(hi, x)
    }
    return (lo, hi)
}
let r = minMax([4, -2, 9, 0])
print(r)
print(r.min, r.max)
let (lo, hi) = minMax([7])
print(lo, hi)
func divmod(_ a: Int, _ b: Int) -> (Int, Int) { (a / b, a % b) }
print(divmod(17, 5))
