class Temperature: CustomStringConvertible {
    var celsius: Double
    init(_ c: Double) { celsius = c }
    var description: String { "\(celsius)°C" }
}
let t = Temperature(21.5)
print(t)
print([t, Temperature(-3)])
t.celsius += 1
print("now \(t)")
let o: Temperature? = t
print(o as Any)
