// Found by the differential fuzzer: print writes a NaN's sign, description does not;
// a program's own function of a library name; zip with a range without an end.
let z = 0.0
let a = z / 0.0
print(a, -a, Double.nan, -Double.nan, 4 - a, a.sign)
print("\(a)", [a], String(a), a.description, String(describing: a))
func show(_ v: Int?) -> String {
    guard let v = v else { return "nothing" }
    return "value \(v)"
}
let two = 2
print(show(two), show(nil), show(3))
let pieces = "a b c".split(separator: " ")
print(pieces.joined(separator: "-"), pieces.map { $0.prefix(1) }.joined())
print(Array(zip(["x", "y"], 1...)), Array(zip(10..., [true, false, true])))
print([a.sign, (1.0).sign], (-0.0).sign)
