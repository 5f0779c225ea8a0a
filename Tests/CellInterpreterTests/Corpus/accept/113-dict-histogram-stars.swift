let rolls = [3, 5, 3, 1, 6, 3, 5, 2, 6, 6, 6]
var hist: [Int: Int] = [:]
for r in rolls {
    hist[r, default: 0] += 1
}
for face in 1...6 {
    let n = hist[face] ?? 0
    print(face, String(repeating: "*", count: n))
}
