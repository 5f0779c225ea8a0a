import Foundation
let x = 3.14159265
print(String(format: "%.2f", x))
print(String(format: "%.0f", 2.5))
print(String(format: "%5d|", 42))
print(String(format: "%-5d|", 42))
print(String(format: "%03d", 7))
print(String(format: "%.3f and %.1f", 1.0, 2.25))
print(String(format: "%e", 12345.678))
