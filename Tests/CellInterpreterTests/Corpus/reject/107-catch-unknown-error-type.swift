do {
    print("x")
} catch MyError.bad {
    print("bad")
}
