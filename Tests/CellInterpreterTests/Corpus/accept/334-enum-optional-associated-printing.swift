enum Msg {
    case text(String)
    case number(Int?)
    case pair(a: Int, b: String)
}
let ms: [Msg] = [.text("hi"), .number(nil), .number(4), .pair(a: 1, b: "z")]
for m in ms { print(m) }
print(ms)
