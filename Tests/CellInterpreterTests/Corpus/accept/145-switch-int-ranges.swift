func classify(_ n: Int) -> String {
    switch n {
    case Int.min..<0:
        return "negative"
    case 0:
        return "zero"
    case 1..<10:
        return "small"
    case 10...99:
        return "medium"
    default:
        return "large"
    }
}
for n in [-5, 0, 3, 10, 99, 100] {
    print(n, classify(n))
}
