enum E: Error { case failed(String) }
func load(_ name: String) throws -> String {
    if name.hasSuffix(".bad") { throw E.failed(name) }
    return "contents of \(name)"
}
print(try! load("a.txt"))
print(try! load("b.txt"))
print(try! load("c.bad"))
print("unreachable")
