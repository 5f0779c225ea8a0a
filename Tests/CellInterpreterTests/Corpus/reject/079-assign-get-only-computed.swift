struct Circle {
    var r: Double
    var area: Double { r * r * 3 }
}
var c = Circle(r: 1)
c.area = 10
print(c.area)
