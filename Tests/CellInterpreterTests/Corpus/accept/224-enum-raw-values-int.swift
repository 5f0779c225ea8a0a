enum Planet: Int {
    case mercury = 1, venus, earth, mars
}
print(Planet.earth.rawValue)
print(Planet(rawValue: 4) as Any)
print(Planet(rawValue: 9) as Any)
enum Code: Int {
    case ok = 200, notFound = 404, auto
}
print(Code.auto.rawValue)
enum Level: Int { case low, mid, high }
print(Level.high.rawValue, Level(rawValue: 0)!)
