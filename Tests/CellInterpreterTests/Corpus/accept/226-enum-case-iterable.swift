enum Weekday: CaseIterable {
    case mon, tue, wed, thu, fri
}
print(Weekday.allCases.count)
print(Weekday.allCases)
for d in Weekday.allCases where d != .wed {
    print(d, terminator: " ")
}
print()
enum Coin: Int, CaseIterable {
    case penny = 1, nickel = 5, dime = 10
}
print(Coin.allCases.map { $0.rawValue }.reduce(0, +))
