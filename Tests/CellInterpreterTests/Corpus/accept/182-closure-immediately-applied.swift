let value: Int = {
    var t = 0
    for i in 1...4 { t += i }
    return t
}()
print(value)
let label = { (n: Int) -> String in n > 5 ? "big" : "small" }(7)
print(label)
print({ $0 * 2 }(21))
