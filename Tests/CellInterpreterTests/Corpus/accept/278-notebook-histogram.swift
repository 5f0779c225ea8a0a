let scores = [72, 85, 91, 64, 78, 88, 95, 70, 83, 59, 77, 90]
var bins: [Int: Int] = [:]
for s in scores {
    let bin = s / 10 * 10
    bins[bin, default: 0] += 1
}
for (bin, count) in bins.sorted(by: { $0.key < $1.key }) {
    print("\(bin)-\(bin + 9): " + String(repeating: "#", count: count) + " (\(count))")
}
print("bins:", bins.count)
