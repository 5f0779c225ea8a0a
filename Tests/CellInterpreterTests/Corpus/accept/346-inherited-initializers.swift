// A subclass that declares no initializer inherits its superclass's, and they make the subclass.
class A {
    var x: Int
    init(x: Int) { self.x = x }
    init?(text: String) {
        guard let v = Int(text) else { return nil }
        x = v
    }
    func describe() -> String { "A(\(x))" }
}
class B: A {
    var y = 2
    func sum() -> Int { x + y }
    override func describe() -> String { "B(\(x), \(y))" }
}
let b = B(x: 1)
print(type(of: b), b is B, b.sum(), b.describe())
let parsed = B(text: "40")
print(parsed?.sum() ?? -1, B(text: "x") == nil)
let items: [A] = [A(x: 3), B(x: 4)]
print(items.map { $0.describe() }, items.map { $0 is B })
