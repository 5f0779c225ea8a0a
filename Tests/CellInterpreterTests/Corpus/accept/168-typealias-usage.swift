typealias Point = (x: Double, y: Double)
typealias Transform = (Point) -> Point
let shift: Transform = { p in (p.x + 1, p.y - 1) }
let p: Point = (0, 0)
print(shift(p))
print(shift(shift(p)))
typealias Scores = [String: Int]
var s: Scores = [:]
s["a"] = 1
print(s)
