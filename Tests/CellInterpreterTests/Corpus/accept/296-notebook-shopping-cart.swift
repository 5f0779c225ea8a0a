struct LineItem {
    let name: String
    let price: Double
    let quantity: Int
    var total: Double { price * Double(quantity) }
}
let cart = [
    LineItem(name: "pen", price: 1.25, quantity: 4),
    LineItem(name: "book", price: 12.5, quantity: 1),
    LineItem(name: "bag", price: 30, quantity: 2),
]
for item in cart {
    print(item.name, item.quantity, "x", item.price, "=", item.total)
}
let subtotal = cart.map { $0.total }.reduce(0, +)
let discount = subtotal > 50 ? subtotal * 0.1 : 0
print("subtotal", subtotal)
print("discount", discount)
print("total", subtotal - discount)
