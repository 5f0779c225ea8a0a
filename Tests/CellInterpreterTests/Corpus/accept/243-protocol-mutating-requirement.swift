protocol Toggleable {
    mutating func toggle()
}
struct Switch: Toggleable {
    var on = false
    mutating func toggle() { on = !on }
}
enum Bit: Toggleable {
    case zero, one
    mutating func toggle() { self = self == .zero ? .one : .zero }
}
var s = Switch()
s.toggle()
print(s)
var b = Bit.zero
b.toggle()
print(b)
b.toggle()
print(b)
