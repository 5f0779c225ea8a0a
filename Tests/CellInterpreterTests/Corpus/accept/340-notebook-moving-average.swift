let series = [3.0, 5.0, 7.0, 6.0, 2.0, 8.0, 10.0]
let window = 3
var averages: [Double] = []
for i in 0...(series.count - window) {
    let w = series[i..<(i + window)]
    averages.append(w.reduce(0, +) / Double(window))
}
print(averages)
print(averages.count)
let maxAvg = averages.max()!
print(maxAvg, averages.firstIndex(of: maxAvg)!)
