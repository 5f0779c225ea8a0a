struct Rect {
    var width: Double
    var height: Double
    var area: Double { width * height }
    var perimeter: Double {
        return 2 * (width + height)
    }
    func scaled(by f: Double) -> Rect {
        Rect(width: width * f, height: height * f)
    }
}
let r = Rect(width: 3, height: 4)
print(r)
print(r.area, r.perimeter)
let big = r.scaled(by: 2)
print(big, big.area)
