struct Thing { var v: Int }
func count<T: Equatable>(_ x: T, in xs: [T]) -> Int { xs.filter { $0 == x }.count }
print(count(Thing(v: 1), in: [Thing(v: 1)]))
