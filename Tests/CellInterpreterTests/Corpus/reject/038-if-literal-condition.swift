if 1 {
    print("one")
}
