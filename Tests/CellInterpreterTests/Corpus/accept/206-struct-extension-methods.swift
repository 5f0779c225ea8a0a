struct Point { var x = 0, y = 0 }
extension Point {
    var manhattan: Int { abs(x) + abs(y) }
    func offset(_ dx: Int, _ dy: Int) -> Point { Point(x: x + dx, y: y + dy) }
}
extension Int {
    var squared: Int { self * self }
    func times(_ f: () -> Void) {
        for _ in 0..<self { f() }
    }
}
let p = Point(x: -3, y: 4)
print(p.manhattan, p.offset(1, 1))
print(Point())
print(7.squared)
3.times { print("hey") }
