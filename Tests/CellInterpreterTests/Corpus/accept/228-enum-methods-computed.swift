enum Shape {
    case circle(Double)
    case square(Double)
    var area: Double {
        switch self {
        case .circle(let r): return 3.0 * r * r
        case .square(let s): return s * s
        }
    }
    func describe() -> String {
        switch self {
        case .circle: return "circle of area \(area)"
        case .square: return "square of area \(area)"
        }
    }
}
print(Shape.circle(2).area)
print(Shape.square(3).describe())
print([Shape.circle(1), .square(2)].map { $0.area })
