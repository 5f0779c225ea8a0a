class B {
    var x: Int
    init(x: Int) { self.x = x }
    convenience init() { self.init(x: 0) }
}
class D: B {
    init(y: Int) { super.init() }
}
