let pairs = [(1, 1), (2, 4), (3, 5), (0, 7)]
for pair in pairs {
    switch pair {
    case let (a, b) where b == a * a:
        print(pair, "square")
    case let (a, b) where a + b > 7:
        print(pair, "big sum", a + b)
    case (0, let b):
        print("zero and", b)
    default:
        print(pair, "other")
    }
}
