let items = ["3", "x", "10", "", "7"]
var sum = 0
for item in items {
    guard !item.isEmpty else {
        print("skip empty")
        continue
    }
    guard let n = Int(item) else {
        print("skip", item)
        continue
    }
    sum += n
}
print("sum", sum)
