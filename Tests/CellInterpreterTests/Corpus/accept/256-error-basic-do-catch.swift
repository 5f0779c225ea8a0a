enum MathError: Error {
    case divisionByZero
    case negative(Int)
}
func divide(_ a: Int, _ b: Int) throws -> Int {
    if b == 0 { throw MathError.divisionByZero }
    if a < 0 { throw MathError.negative(a) }
    return a / b
}
for (a, b) in [(10, 2), (1, 0), (-4, 2)] {
    do {
        let r = try divide(a, b)
        print("ok", r)
    } catch MathError.divisionByZero {
        print("cannot divide by zero")
    } catch MathError.negative(let n) {
        print("negative input", n)
    } catch {
        print("other", error)
    }
}
