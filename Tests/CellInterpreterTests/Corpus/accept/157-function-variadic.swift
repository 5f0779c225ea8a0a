func sum(_ xs: Int...) -> Int {
    var t = 0
    for x in xs { t += x }
    return t
}
print(sum())
print(sum(1))
print(sum(1, 2, 3, 4))
func describe(_ label: String, _ values: Double...) -> String {
    "\(label): \(values.count) values, max \(values.max() ?? 0)"
}
print(describe("temps", 20.5, 18, 25.25))
print(describe("none"))
