var x = 1
let show = { print("x is", x) }
show()
x = 2
show()
func make() -> (() -> Void, () -> Void) {
    var n = 0
    return ({ n += 10 }, { print("n =", n) })
}
let (inc, report) = make()
report()
inc()
inc()
report()
