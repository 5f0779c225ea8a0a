enum Shape {
    case circle(radius: Double)
    case rect(width: Double, height: Double)
    case point
}
func describe(_ s: Shape) -> String {
    switch s {
    case .circle(let r):
        return "circle r=\(r)"
    case let .rect(w, h) where w == h:
        return "square \(w)"
    case let .rect(w, h):
        return "rect \(w)x\(h)"
    case .point:
        return "point"
    }
}
let shapes: [Shape] = [.circle(radius: 1), .rect(width: 2, height: 2), .rect(width: 1, height: 3), .point]
for s in shapes {
    print(describe(s))
}
print(shapes)
