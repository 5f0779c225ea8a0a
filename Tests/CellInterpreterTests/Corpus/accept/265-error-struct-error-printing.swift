struct ValidationError: Error, CustomStringConvertible {
    let field: String
    var description: String { "invalid \(field)" }
}
enum Simple: Error { case a, b(Int) }
func validate(_ name: String) throws {
    if name.isEmpty { throw ValidationError(field: "name") }
}
do {
    try validate("")
} catch {
    print(error)
    print(type(of: error))
}
let errs: [Error] = [Simple.a, Simple.b(4)]
for e in errs { print(e) }
