import Foundation
let x = 2.0
print(x.squareRoot())
print(16.0.squareRoot())
print(2.5.rounded())
print(3.5.rounded())
print((-2.5).rounded())
print(2.4.rounded())
print(2.7.rounded(.down))
print(2.2.rounded(.up))
print((-2.7).rounded(.towardZero))
print(2.5.rounded(.toNearestOrEven))
print(3.5.rounded(.toNearestOrEven))
print((-2.5).rounded(.awayFromZero))
