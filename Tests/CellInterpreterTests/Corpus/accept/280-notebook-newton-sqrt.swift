func newtonSqrt(_ a: Double, tolerance: Double = 1e-12) -> (Double, Int) {
    var x = a
    var steps = 0
    while abs(x * x - a) > tolerance {
        x = (x + a / x) / 2
        steps += 1
    }
    return (x, steps)
}
for a in [2.0, 9.0, 0.25, 1e6] {
    let (r, steps) = newtonSqrt(a)
    print(a, r, steps)
}
