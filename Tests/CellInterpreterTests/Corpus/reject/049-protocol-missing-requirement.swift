protocol Shape {
    func area() -> Double
}
struct Square: Shape {
    var side: Double
}
print(Square(side: 2))
