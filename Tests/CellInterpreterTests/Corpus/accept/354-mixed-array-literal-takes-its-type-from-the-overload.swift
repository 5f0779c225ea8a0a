// An array literal of different types has no type of its own: the overload whose parameter gives
// its elements one ([any Shape]) is chosen, as swiftc chooses it.
protocol Shape { var area: Double { get } }
struct Square: Shape { let side: Double; var area: Double { side * side } }
struct Circle: Shape { let radius: Double; var area: Double { 3.0 * radius * radius } }

func total(_ shapes: [any Shape]) -> Double { shapes.reduce(0) { $0 + $1.area } }
func total(_ shape: any Shape) -> Double { shape.area }
func total(_ pair: (any Shape, any Shape)) -> Double { pair.0.area + pair.1.area }

print(total([Square(side: 2), Circle(radius: 1)]))
print(total(Square(side: 3)))
print(total((Square(side: 1), Circle(radius: 2))))
print(total([Circle(radius: 1), Circle(radius: 2)]))

func describe(_ values: [Any]) -> String { values.map { "\($0)" }.joined(separator: " ") }
func describe(_ value: Int) -> String { "one \(value)" }
print(describe([1, "two", 3.0]))
print(describe(4))
