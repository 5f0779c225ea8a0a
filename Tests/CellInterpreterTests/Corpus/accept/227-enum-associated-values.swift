enum Shape {
    case circle(radius: Double)
    case rectangle(width: Double, height: Double)
    case triangle(Double, Double, Double)
}
let shapes = [Shape.circle(radius: 1.5), .rectangle(width: 2, height: 3), .triangle(3, 4, 5)]
for s in shapes {
    print(s)
}
print(shapes)
let c = Shape.circle(radius: 2)
if case let .circle(r) = c {
    print("radius", r)
}
