struct S {
    var x: Int
    convenience init() { self.init(x: 1) }
}
