struct Point { var x = 0, y = 0 }
func shift(_ p: inout Point, by d: Int) {
    p.x += d
    p.y -= d
}
var p = Point()
shift(&p, by: 3)
print(p)
var pts = [Point(), Point(x: 1, y: 1)]
shift(&pts[1], by: 10)
print(pts)
func fill(_ xs: inout [Int], with v: Int) {
    for i in xs.indices { xs[i] = v }
}
var arr = [1, 2, 3]
fill(&arr, with: 7)
print(arr)
