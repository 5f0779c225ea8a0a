protocol Zero {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
}
struct V2: Zero, CustomStringConvertible {
    var x: Int, y: Int
    static var zero: V2 { V2(x: 0, y: 0) }
    static func + (a: V2, b: V2) -> V2 { V2(x: a.x + b.x, y: a.y + b.y) }
    var description: String { "<\(x), \(y)>" }
}
func total<T: Zero>(_ xs: [T]) -> T {
    xs.reduce(T.zero, +)
}
print(total([V2(x: 1, y: 2), V2(x: 3, y: 4)]))
print(total([V2]()))
