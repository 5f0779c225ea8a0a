let scores = ["zoe": 88, "adam": 92, "mia": 75]
for (name, score) in scores.sorted(by: { $0.key < $1.key }) {
    print(name, score)
}
for (name, score) in scores.sorted(by: { $0.value > $1.value }) {
    print("\(name): \(score)")
}
let best = scores.max { $0.value < $1.value }!
print(best.key, best.value)
print(scores.count)
