enum Failure: Error { case tooBig }
func compute(_ x: Int) throws -> Int {
    if x > 100 { throw Failure.tooBig }
    return x * x
}
var successes: [Int] = []
var failures = 0
for x in [3, 500, 7, 1000] {
    do {
        successes.append(try compute(x))
    } catch {
        failures += 1
    }
}
print(successes, failures)
