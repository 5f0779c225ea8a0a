class Box<T> {
    var value: T
    init(_ value: T) { self.value = value }
    func map<U>(_ f: (T) -> U) -> Box<U> { Box<U>(f(value)) }
}
let b = Box(21)
let c = b.map { $0 * 2 }
let d = c.map { "value: \($0)" }
print(b.value, c.value, d.value)
print(type(of: d))
print(b)
