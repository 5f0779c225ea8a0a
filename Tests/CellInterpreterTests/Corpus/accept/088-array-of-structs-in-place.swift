struct Point {
    var x: Int
    var y: Int
}
var points = [Point(x: 0, y: 0), Point(x: 1, y: 2)]
points[0].x += 1
points[1].y *= 10
print(points)
for i in points.indices {
    points[i].x += 100
}
print(points)
points.append(Point(x: -1, y: -1))
print(points.map { $0.x + $0.y })
