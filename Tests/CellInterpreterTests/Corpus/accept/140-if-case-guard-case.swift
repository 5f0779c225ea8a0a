enum Shape {
    case circle(Double)
    case square(Double)
}
let s = Shape.circle(2.0)
if case .circle(let r) = s {
    print("circle radius", r)
}
if case .square = s {
    print("square")
} else {
    print("not a square")
}
func area(_ s: Shape) -> Double {
    guard case let .square(side) = s else { return -1 }
    return side * side
}
print(area(.square(3)), area(s))
let n = 7
if case 1...10 = n {
    print("in range")
}
