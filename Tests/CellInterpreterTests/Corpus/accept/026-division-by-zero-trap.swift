let values = [10, 5, 0, 2]
for v in values {
    print("100 / \(v) =", 100 / v)
}
