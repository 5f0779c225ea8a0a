class Shape {
    func area() -> Double { 0 }
    var name: String { "shape" }
}
class Circle: Shape {
    let r: Double
    init(r: Double) { self.r = r }
    override func area() -> Double { 3.0 * r * r }
    override var name: String { "circle" }
}
class Rect: Shape {
    let w: Double, h: Double
    init(w: Double, h: Double) { self.w = w; self.h = h }
    override func area() -> Double { w * h }
    override var name: String { "rect" }
}
let shapes: [Shape] = [Circle(r: 1), Rect(w: 2, h: 3), Shape()]
for s in shapes {
    print(s.name, s.area())
}
print(shapes.map { $0.area() }.reduce(0, +))
