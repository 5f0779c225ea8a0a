func double(_ x: Int) -> Int { x * 2 }
func greeting(_ name: String) -> String {
    "Hi, " + name
}
let triple = { (x: Int) -> Int in x * 3 }
struct Box {
    var v: Int
    var twice: Int { v * 2 }
}
print(double(4), greeting("Bo"), triple(5), Box(v: 6).twice)
