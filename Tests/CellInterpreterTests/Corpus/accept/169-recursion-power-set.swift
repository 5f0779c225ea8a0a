func subsets(_ xs: [Int]) -> [[Int]] {
    guard let first = xs.first else { return [[]] }
    let rest = subsets(Array(xs.dropFirst()))
    return rest + rest.map { [first] + $0 }
}
let all = subsets([1, 2, 3])
print(all)
print(all.count)
