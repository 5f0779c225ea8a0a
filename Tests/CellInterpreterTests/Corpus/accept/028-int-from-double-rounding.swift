import Foundation
let xs = [2.4, 2.5, 2.6, -2.5, -2.6]
for x in xs {
    print(x, Int(x), Int(x.rounded()))
}
