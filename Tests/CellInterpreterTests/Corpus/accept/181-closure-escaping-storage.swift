var handlers: [(String) -> String] = []
func register(_ h: @escaping (String) -> String) {
    handlers.append(h)
}
register { $0.uppercased() }
register { $0 + "!" }
register { s in String(s.reversed()) }
var text = "abc"
for h in handlers {
    text = h(text)
    print(text)
}
