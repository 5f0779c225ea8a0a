func f() -> Int {
    var total = 0
    var total = 1
    return total
}
print(f())
