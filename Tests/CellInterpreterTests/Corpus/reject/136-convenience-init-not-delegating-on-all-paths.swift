class C {
    var x: Int
    init(x: Int) { self.x = x }
    convenience init(flag: Bool) {
        if flag { self.init(x: 1) }
    }
}
