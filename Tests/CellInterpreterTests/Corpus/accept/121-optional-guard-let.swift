func describe(_ s: String?) -> String {
    guard let s = s else {
        return "nothing"
    }
    guard !s.isEmpty else { return "empty" }
    return "value \(s)"
}
print(describe(nil))
print(describe(""))
print(describe("x"))
func parse(_ s: String) -> Int {
    guard let n = Int(s) else { return -1 }
    return n * 2
}
print(parse("21"), parse("x"))
