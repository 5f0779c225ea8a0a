for i in 0..<3 {
    defer { print("end of iteration", i) }
    if i == 1 {
        print("skipping", i)
        continue
    }
    print("body", i)
}
do {
    defer { print("leaving do block") }
    print("inside do block")
}
print("after")
