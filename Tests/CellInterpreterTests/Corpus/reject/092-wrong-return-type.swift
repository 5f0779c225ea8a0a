func name() -> String {
    return 42
}
print(name())
