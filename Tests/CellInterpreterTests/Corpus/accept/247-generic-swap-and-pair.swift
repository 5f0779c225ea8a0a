func swapValues<T>(_ a: inout T, _ b: inout T) {
    let t = a
    a = b
    b = t
}
var x = 1, y = 2
swapValues(&x, &y)
print(x, y)
var s = "a", t = "b"
swapValues(&s, &t)
print(s, t)
func pairUp<A, B>(_ a: A, _ b: B) -> (A, B) { (a, b) }
print(pairUp(1, "one"))
print(pairUp([1.5], true))
print(type(of: pairUp(1, "x")))
