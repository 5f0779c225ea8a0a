let nested = [[1, 2], [3, 4], [5]]
print(Array(nested.joined()))
print(nested.joined(separator: [0]).map { $0 })
let strings = [["a", "b"], ["c"]]
print(strings.map { $0.joined() }.joined(separator: "|"))
print(nested.reduce([], +))
