struct P {
    var x: Int
    var y: Int
}
let p = P(a: 1, b: 2)
print(p)
