enum E: Error { case bad }
func check(_ x: Int) throws -> Int {
    guard x > 0 else { throw E.bad }
    return x * 10
}
let a = try? check(3)
let b = try? check(-1)
print(a as Any, b as Any)
print((try? check(2)) ?? 0)
let results = [1, -2, 3].map { try? check($0) }
print(results)
print([1, -2, 3].compactMap { try? check($0) })
if let v = try? check(5) {
    print("got", v)
}
