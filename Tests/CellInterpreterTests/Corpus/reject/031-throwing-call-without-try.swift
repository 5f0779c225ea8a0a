enum E: Error { case bad }
func risky() throws -> Int { throw E.bad }
let v = risky()
print(v)
