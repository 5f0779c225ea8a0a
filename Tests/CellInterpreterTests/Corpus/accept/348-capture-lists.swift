// Capture lists: values taken when the closure is made, not when it runs.
var v = 3
let snap = { [v] in v * 10 }
let live = { v * 10 }
v = 5
print(snap(), live())
var counter = 0
var handlers: [() -> String] = []
for name in ["a", "b"] {
    counter += 1
    handlers.append { [counter, tag = name.uppercased() + "!"] in "\(tag)\(counter)" }
}
counter = 100
print(handlers.map { $0() }, counter)
func makeScaler(_ factor: Double) -> (Double) -> Double {
    var f = factor
    let scale = { [f] (x: Double) -> Double in
        let y = x * f
        return y + 1
    }
    f = 0
    return scale
}
print(makeScaler(2)(4), [1.0, 2.0].map(makeScaler(0.5)))
let outer = { [v] in { [w = v + 1] in v + w } }
print(outer()())
