struct Book: Equatable { let title: String }
func indexOf<T: Equatable>(_ x: T, in xs: [T]) -> Int? {
    for (i, v) in xs.enumerated() where v == x { return i }
    return nil
}
let shelf = [Book(title: "A"), Book(title: "B")]
print(indexOf(Book(title: "B"), in: shelf) as Any)
print(indexOf(Book(title: "C"), in: shelf) as Any)
print(indexOf(3, in: [1, 2, 3]) as Any)
