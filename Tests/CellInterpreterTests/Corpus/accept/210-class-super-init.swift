class Shape {
    var name: String
    var sides: Int
    init(name: String, sides: Int) {
        self.name = name
        self.sides = sides
        print("Shape.init", name)
    }
    func describe() -> String { "\(name) with \(sides) sides" }
}
class Square: Shape {
    var side: Double
    init(side: Double) {
        self.side = side
        super.init(name: "square", sides: 4)
        print("Square.init", side)
    }
    override func describe() -> String {
        super.describe() + ", side \(side)"
    }
}
let s = Square(side: 2.5)
print(s.describe())
