struct Temp {
    var celsius: Double
    init(fahrenheit: Double) { celsius = (fahrenheit - 32) / 1.8 }
}
let t = Temp(celsius: 20)
print(t)
