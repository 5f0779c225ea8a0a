func greet(person name: String, from town: String) -> String {
    return "Hello \(name) from \(town)"
}
print(greet(person: "Ann", from: "Oslo"))
func add(_ a: Int, _ b: Int) -> Int { a + b }
print(add(2, 3))
func move(from a: Int, to b: Int) {
    print("move \(a) -> \(b)")
}
move(from: 1, to: 2)
func scale(value: Double, by factor: Double = 2) -> Double { value * factor }
print(scale(value: 3), scale(value: 3, by: 10))
