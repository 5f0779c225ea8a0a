enum Temperature {
    case cold, mild, hot
    init(celsius: Double) {
        if celsius < 10 { self = .cold }
        else if celsius < 25 { self = .mild }
        else { self = .hot }
    }
    static let comfortable: Temperature = .mild
}
print([3.0, 18, 31].map { Temperature(celsius: $0) })
print(Temperature.comfortable)
