import Foundation
func integrate(_ f: (Double) -> Double, from a: Double, to b: Double, steps n: Int) -> Double {
    let h = (b - a) / Double(n)
    var s = (f(a) + f(b)) / 2
    for i in 1..<n {
        s += f(a + Double(i) * h)
    }
    return s * h
}
print(integrate({ $0 * $0 }, from: 0, to: 1, steps: 10))
print(integrate({ $0 * $0 }, from: 0, to: 1, steps: 1000))
print(integrate(sin, from: 0, to: Double.pi, steps: 100))
print(integrate({ exp($0) }, from: 0, to: 1, steps: 100))
