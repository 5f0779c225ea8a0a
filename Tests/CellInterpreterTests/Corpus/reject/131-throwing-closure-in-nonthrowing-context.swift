enum E: Error { case bad }
let f: () -> Int = { throw E.bad }
print(f())
