let text = "Mississippi"
var counts: [Character: Int] = [:]
for c in text.lowercased() {
    counts[c, default: 0] += 1
}
for (c, n) in counts.sorted(by: { $0.key < $1.key }) {
    print(c, n)
}
let most = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
print(most.key, most.value)
