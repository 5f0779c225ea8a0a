class Base {
    var kind: String { "base" }
}
class Derived: Base {
    override var kind: String { "derived" }
}
let x: Base = Derived()
print(x.kind)
print(type(of: x))
print(x is Derived)
let y = Base()
print(type(of: y), y.kind)
