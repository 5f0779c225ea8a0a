func f() {
    continue
}
f()
