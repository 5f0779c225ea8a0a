import Foundation
struct Vector {
    var x: Double
    var y: Double
    func dot(_ o: Vector) -> Double { x * o.x + y * o.y }
    func length() -> Double { dot(self).squareRoot() }
    func normalized() -> Vector {
        let l = length()
        return Vector(x: x / l, y: y / l)
    }
    static func + (a: Vector, b: Vector) -> Vector {
        Vector(x: a.x + b.x, y: a.y + b.y)
    }
}
let v = Vector(x: 3, y: 4)
print(v.length())
print(v.normalized())
print(v + Vector(x: 1, y: 1))
print(v.dot(Vector(x: 2, y: 0)))
