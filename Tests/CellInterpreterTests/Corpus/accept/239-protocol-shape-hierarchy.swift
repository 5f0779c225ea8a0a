protocol Shape {
    func area() -> Double
    func perimeter() -> Double
}
struct Circle: Shape {
    var r: Double
    func area() -> Double { Double.pi * r * r }
    func perimeter() -> Double { 2 * Double.pi * r }
}
struct Rect: Shape {
    var w, h: Double
    func area() -> Double { w * h }
    func perimeter() -> Double { 2 * (w + h) }
}
let shapes: [Shape] = [Circle(r: 1), Rect(w: 3, h: 4), Circle(r: 0.5)]
for s in shapes {
    print(type(of: s), s.area(), s.perimeter())
}
let total = shapes.reduce(0) { $0 + $1.area() }
print(total)
let biggest = shapes.max { $0.area() < $1.area() }!
print(biggest)
