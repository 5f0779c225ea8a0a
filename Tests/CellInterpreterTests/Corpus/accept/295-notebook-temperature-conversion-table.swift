func toF(_ c: Double) -> Double { c * 9 / 5 + 32 }
for c in stride(from: -10.0, through: 40.0, by: 10.0) {
    print(c, "C =", toF(c), "F")
}
let temps = [22.5, 19.0, 25.5, 30.0]
let hot = temps.filter { $0 > 24 }
print(hot, hot.map(toF))
