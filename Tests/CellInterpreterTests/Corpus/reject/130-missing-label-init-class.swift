class P {
    var x: Int
    init(x: Int) { self.x = x }
}
let p = P(3)
print(p.x)
