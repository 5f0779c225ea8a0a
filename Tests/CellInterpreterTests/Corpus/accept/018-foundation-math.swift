import Foundation
print(sqrt(2.0))
print(pow(2.0, 10.0))
print(exp(1.0))
print(log(exp(2.0)))
print(sin(0.0), cos(0.0))
print(floor(2.7), ceil(2.1))
print(floor(-2.5), ceil(-2.5))
print(Double.pi)
