enum Shape {
    case circle(Double)
}
let s = Shape.circle("big")
print(s)
