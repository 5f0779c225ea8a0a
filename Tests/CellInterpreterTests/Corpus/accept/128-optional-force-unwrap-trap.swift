let values = ["1", "2", "x", "4"]
var total = 0
for v in values {
    let n = Int(v)!
    total += n
    print("running total", total)
}
