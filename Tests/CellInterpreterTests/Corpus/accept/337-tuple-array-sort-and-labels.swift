let results: [(name: String, score: Int)] = [("a", 5), ("b", 9), ("c", 7)]
let ranked = results.sorted { $0.score > $1.score }
print(ranked)
print(ranked.first!.name)
for (i, r) in ranked.enumerated() {
    print("\(i + 1). \(r.name) \(r.score)")
}
