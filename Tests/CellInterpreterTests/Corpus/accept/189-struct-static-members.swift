struct Temperature {
    static let freezing = 0.0
    static var created = 0
    var celsius: Double
    init(celsius: Double) {
        self.celsius = celsius
        Temperature.created += 1
    }
    static func fromFahrenheit(_ f: Double) -> Temperature {
        Temperature(celsius: (f - 32) * 5 / 9)
    }
    var isFreezing: Bool { celsius <= Temperature.freezing }
}
let a = Temperature(celsius: 20)
let b = Temperature.fromFahrenheit(212)
print(a.celsius, b.celsius)
print(a.isFreezing, Temperature(celsius: -5).isFreezing)
print(Temperature.created)
