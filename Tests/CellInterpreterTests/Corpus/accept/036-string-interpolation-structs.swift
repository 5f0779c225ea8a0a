struct Point {
    var x: Int
    var y: Int
}
let p = Point(x: 3, y: -4)
print("p is \(p)")
print(p)
let ps = [p, Point(x: 0, y: 0)]
print("ps: \(ps)")
let t = (1, "two")
print("tuple \(t)")
