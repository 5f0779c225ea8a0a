func frequencies<T: Hashable>(_ xs: [T]) -> [T: Int] {
    var d: [T: Int] = [:]
    for x in xs { d[x, default: 0] += 1 }
    return d
}
let f = frequencies(["a", "b", "a"])
print(f["a"]!, f["b"]!, f["c"] ?? 0)
let g = frequencies([3, 3, 3, 1])
print(g.sorted { $0.key < $1.key })
func unique<T: Hashable>(_ xs: [T]) -> [T] {
    var seen = Set<T>()
    return xs.filter { seen.insert($0).inserted }
}
print(unique([5, 1, 5, 2, 1]))
print(unique(Array("banana")))
