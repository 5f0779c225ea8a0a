enum E: Error { case bad }
func f(_ x: Int) throws -> Int { if x < 0 { throw E.bad }; return x }
do {
    let ys = try [1, 2].map { f($0) }
    print(ys)
} catch {
    print(error)
}
