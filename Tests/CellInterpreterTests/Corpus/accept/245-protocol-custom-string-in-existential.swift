protocol Item: CustomStringConvertible {
    var price: Int { get }
}
struct Apple: Item {
    var price: Int { 3 }
    var description: String { "Apple($\(price))" }
}
struct Melon: Item {
    var price: Int { 7 }
    var description: String { "Melon($\(price))" }
}
let cart: [Item] = [Apple(), Melon(), Apple()]
print(cart)
print(cart.map { $0.price }.reduce(0, +))
print(cart[1])
