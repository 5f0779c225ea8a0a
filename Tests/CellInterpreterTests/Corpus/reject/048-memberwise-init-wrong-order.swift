struct P {
    var x: Int
    var y: Int
}
let p = P(y: 2, x: 1)
print(p)
