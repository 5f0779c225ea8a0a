import Foundation
struct Square {
    var side: Double
    var area: Double {
        get { side * side }
        set { side = newValue.squareRoot() }
    }
}
var sq = Square(side: 3)
print(sq.area)
sq.area = 64
print(sq.side)
print(sq)
