class Point {
    var x: Int
    var y: Int
    init(x: Int) {
        self.x = x
    }
}
print(Point(x: 1).x)
