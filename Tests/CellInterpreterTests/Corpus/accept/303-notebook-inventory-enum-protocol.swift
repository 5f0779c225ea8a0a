protocol Priced { var price: Double { get } }
enum Size: String, CaseIterable { case small, medium, large }
struct Coffee: Priced, CustomStringConvertible {
    let size: Size
    var price: Double {
        switch size {
        case .small: return 2.0
        case .medium: return 2.5
        case .large: return 3.25
        }
    }
    var description: String { "\(size.rawValue) coffee" }
}
let order = Size.allCases.map { Coffee(size: $0) }
print(order)
let total = order.reduce(0.0) { $0 + $1.price }
print("total:", total)
print(order.filter { $0.price > 2.2 })
