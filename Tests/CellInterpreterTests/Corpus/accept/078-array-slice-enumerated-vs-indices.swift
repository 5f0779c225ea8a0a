let a = ["a", "b", "c", "d", "e"]
let slice = a[2...4]
for (i, x) in slice.enumerated() {
    print("enumerated", i, x)
}
for i in slice.indices {
    print("index", i, slice[i])
}
print(slice.firstIndex(of: "d")!)
let dropped = a.dropFirst(3)
print(dropped.startIndex, dropped)
