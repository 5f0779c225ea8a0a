func square(_ x: Int) -> Int { x * x }
func negate(_ x: Int) -> Int { -x }
let f: (Int) -> Int = square
print(f(7))
let pipeline = [square, negate, square]
var v = 2
for g in pipeline {
    v = g(v)
}
print(v)
func apply(_ g: (Int) -> Int, twice x: Int) -> Int { g(g(x)) }
print(apply(square, twice: 3))
print([1, 2, 3].map(negate))
print(type(of: f))
