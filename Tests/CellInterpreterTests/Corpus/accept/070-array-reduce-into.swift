let words = ["apple", "bob", "cat", "apple", "dog", "cat", "apple"]
let counts = words.reduce(into: [String: Int]()) { acc, w in
    acc[w, default: 0] += 1
}
print(counts.sorted { $0.key < $1.key })
let total = [1, 2, 3].reduce(into: 0) { $0 += $1 }
print(total)
let evensOdds = (1...7).reduce(into: ([Int](), [Int]())) { acc, n in
    if n % 2 == 0 { acc.0.append(n) } else { acc.1.append(n) }
}
print(evensOdds)
