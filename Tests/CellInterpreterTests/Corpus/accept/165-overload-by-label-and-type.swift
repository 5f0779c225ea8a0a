func describe(_ x: Int) -> String { "Int \(x)" }
func describe(_ x: Double) -> String { "Double \(x)" }
func describe(_ x: String) -> String { "String \(x)" }
func describe(value x: Int) -> String { "labelled \(x)" }
print(describe(3))
print(describe(3.0))
print(describe("3"))
print(describe(value: 3))
let d: Double = 2
print(describe(d))
print(describe(1 + 2))
print(describe(1 / 2.0))
