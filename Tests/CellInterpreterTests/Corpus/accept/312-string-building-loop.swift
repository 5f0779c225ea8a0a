var s = ""
for i in 1...5 {
    s += "\(i)"
    if i < 5 { s += "," }
}
print(s)
var t = ""
for c in "hello" {
    t = String(c) + t
}
print(t)
let chars = (0..<5).map { _ in "x" }
print(chars.joined())
