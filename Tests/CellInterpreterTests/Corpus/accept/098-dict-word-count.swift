let text = "the cat and the hat and the bat"
var freq: [String: Int] = [:]
for word in text.split(separator: " ") {
    freq[String(word), default: 0] += 1
}
let ordered = freq.sorted { a, b in
    if a.value != b.value { return a.value > b.value }
    return a.key < b.key
}
for entry in ordered {
    print("\(entry.key): \(entry.value)")
}
