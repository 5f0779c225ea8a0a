enum E: Error { case bad }
func check(_ x: Int) -> Int {
    if x < 0 { throw E.bad }
    return x
}
print(check(1))
