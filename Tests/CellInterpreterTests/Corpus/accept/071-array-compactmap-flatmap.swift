let strs = ["1", "two", "3", "4.5", "5"]
let ints = strs.compactMap { Int($0) }
print(ints)
let nested = [[1, 2], [3], [], [4, 5, 6]]
print(nested.flatMap { $0 })
print(nested.map { $0.count })
print(nested.joined().map { $0 })
let opts: [Int?] = [1, nil, 3, nil]
print(opts.compactMap { $0 })
print(opts)
print(opts.count)
