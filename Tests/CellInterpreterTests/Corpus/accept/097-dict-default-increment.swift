var counts: [String: Int] = [:]
for w in ["a", "b", "a", "c", "a", "b"] {
    counts[w, default: 0] += 1
}
for (k, v) in counts.sorted(by: { $0.key < $1.key }) {
    print(k, v)
}
print(counts["a"]!, counts["z", default: 0])
