enum E: Error { case bad }
func risky() throws -> Int { throw E.bad }
func wrapper() -> Int {
    return try risky()
}
print(wrapper())
