// An operator named as a value is any of its declarations, whatever the fixity: prefix minus in
// map(-), infix minus in reduce(0, -), and the postfix `...` alone, of type UnboundedRange.
let values = [3, 1, 2]
print(values.map(-))
print(values.reduce(0, -))
print(values.sorted(by: >))
print([1.5, -2.0].map(-))

var a = [10, 20, 30]
print(a[...])
print(a[...].count, a[...].startIndex)
let whole: UnboundedRange = (...)
print(a[whole])
a[...] = [1, 2]
print(a)

func apply(_ f: (Int, Int) -> Int, _ x: Int, _ y: Int) -> Int { f(x, y) }
print(apply(-, 7, 2), apply(*, 7, 2))
let negate: (Int) -> Int = (-)
print(negate(5))
