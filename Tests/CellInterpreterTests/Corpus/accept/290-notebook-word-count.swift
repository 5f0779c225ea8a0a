let text = """
It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness
"""
var counts: [String: Int] = [:]
for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" }) {
    let word = raw.filter { $0.isLetter }
    if word.isEmpty { continue }
    counts[word, default: 0] += 1
}
let top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4)
for (w, c) in top {
    print(w, c)
}
print("distinct:", counts.count)
