struct Student {
    let name: String
    let scores: [Double]
    var average: Double { scores.reduce(0, +) / Double(scores.count) }
}
let roster = [
    Student(name: "Ana", scores: [90, 85, 77.5]),
    Student(name: "Ben", scores: [60, 70, 80]),
    Student(name: "Cai", scores: [100, 95, 98]),
]
for s in roster.sorted(by: { $0.average > $1.average }) {
    let letter = s.average >= 90 ? "A" : s.average >= 80 ? "B" : "C"
    print(s.name, s.average, letter)
}
let classAverage = roster.map { $0.average }.reduce(0, +) / Double(roster.count)
print("class:", classAverage)
