func ratio() -> Int {
    return 0.5
}
print(ratio())
