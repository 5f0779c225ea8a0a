class C {
    var x: Int
    init(x: Int) { self.x = x }
    init() { self.init(x: 1) }
}
