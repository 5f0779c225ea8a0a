enum E: Error { case boom }
func risky(_ n: Int) throws -> Int {
    print("enter", n)
    defer { print("exit", n) }
    if n > 1 { throw E.boom }
    return n
}
for n in [1, 2] {
    do {
        let v = try risky(n)
        print("value", v)
    } catch {
        print("caught", error)
    }
}
