struct Money: CustomStringConvertible {
    var cents: Int
    var description: String {
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        let c = a % 100
        return "\(sign)$\(a / 100).\(c < 10 ? "0" : "")\(c)"
    }
}
let m = Money(cents: 1234)
print(m)
print("Total: \(m)")
print([Money(cents: 5), Money(cents: -250)])
print(String(describing: Money(cents: 100)))
let o: Money? = m
print(o as Any)
