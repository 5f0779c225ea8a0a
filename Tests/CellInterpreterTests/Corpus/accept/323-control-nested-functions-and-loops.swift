func countPairs(_ xs: [Int], summingTo target: Int) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    for i in 0..<xs.count {
        for j in (i + 1)..<xs.count where xs[i] + xs[j] == target {
            out.append((xs[i], xs[j]))
        }
    }
    return out
}
print(countPairs([1, 5, 3, 7, 2, 4], summingTo: 8))
print(countPairs([], summingTo: 1).count)
