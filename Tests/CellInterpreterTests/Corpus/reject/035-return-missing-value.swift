func count() -> Int {
    return
}
print(count())
