struct P {
    var x: Int
    var y: Double
}
struct Named {
    let label: String
    let tags: [String]
    let inner: P?
}
print(P(x: 1, y: 2.0))
print([P(x: 1, y: 2.0)])
print(Named(label: "n", tags: ["a"], inner: P(x: 0, y: 0)))
print(Named(label: "m", tags: [], inner: nil))
let op: P? = P(x: 3, y: 4)
print(op as Any)
print((P(x: 5, y: 6), 1))
