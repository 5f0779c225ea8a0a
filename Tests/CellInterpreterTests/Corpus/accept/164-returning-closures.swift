func makeAdder(_ n: Int) -> (Int) -> Int {
    return { x in x + n }
}
let add5 = makeAdder(5)
let add10 = makeAdder(10)
print(add5(1), add10(1))
func compose(_ f: @escaping (Int) -> Int, _ g: @escaping (Int) -> Int) -> (Int) -> Int {
    { g(f($0)) }
}
let h = compose(add5, { $0 * 2 })
print(h(0), h(3))
print(makeAdder(-1)(makeAdder(2)(0)))
