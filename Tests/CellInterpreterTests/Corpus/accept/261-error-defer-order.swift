func work() {
    print("start")
    defer { print("defer 1") }
    defer { print("defer 2") }
    print("middle")
    defer { print("defer 3") }
    print("end")
}
work()
func early(_ flag: Bool) -> Int {
    defer { print("cleanup for", flag) }
    if flag { return 1 }
    print("not early")
    return 2
}
print(early(true))
print(early(false))
