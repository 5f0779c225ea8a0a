let a = ["a", "b", "c"]
for i in a.indices {
    print(i, a[i])
}
print(a.indices)
for (i, x) in a.enumerated() {
    print("\(i): \(x)")
}
print(Array(a.enumerated()).count)
print(a.enumerated().map { "\($0.offset):\($0.element)" })
