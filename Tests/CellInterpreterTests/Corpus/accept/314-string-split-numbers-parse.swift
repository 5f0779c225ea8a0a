let line = "3.5, 2, -1.25, oops, 10"
let parts = line.split(separator: ",")
var values: [Double] = []
for p in parts {
    let trimmed = p.filter { $0 != " " }
    if let v = Double(trimmed) {
        values.append(v)
    } else {
        print("skipping", trimmed)
    }
}
print(values)
print(values.reduce(0, +))
