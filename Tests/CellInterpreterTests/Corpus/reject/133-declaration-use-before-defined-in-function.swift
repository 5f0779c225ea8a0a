func f() -> Int {
    let a = b + 1
    let b = 2
    return a
}
print(f())
