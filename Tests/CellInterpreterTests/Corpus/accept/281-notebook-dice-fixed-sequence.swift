let rolls = [4, 2, 6, 6, 1, 3, 5, 6, 2, 2, 4, 6]
var counts = [Int](repeating: 0, count: 7)
for r in rolls { counts[r] += 1 }
for face in 1...6 {
    let freq = Double(counts[face]) / Double(rolls.count)
    print(face, counts[face], freq)
}
let sixes = rolls.filter { $0 == 6 }.count
print("sixes:", sixes)
var longest = 0, current = 0, prev = 0
for r in rolls {
    current = r == prev ? current + 1 : 1
    longest = max(longest, current)
    prev = r
}
print("longest run:", longest)
