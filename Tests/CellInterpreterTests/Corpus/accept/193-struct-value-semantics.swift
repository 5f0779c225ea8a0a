struct Point {
    var x: Int
    var y: Int
}
var a = Point(x: 1, y: 2)
var b = a
b.x = 100
print(a, b)
func moved(_ p: Point) -> Point {
    var q = p
    q.y += 10
    return q
}
let c = moved(a)
print(a, c)
var arr = [a, a]
arr[0].x = -1
print(arr, a)
