let f: (Int, Int) -> Int = { $0 * $1 }
let g: () -> String = { "no args" }
let h: (String) -> Void = { print("got", $0) }
print(f(6, 7))
print(g())
h("x")
let k = { (a: Double, b: Double) in a / b }
print(k(1, 4))
print(type(of: k))
