let pairs: [(Int?, Int?)] = [(1, 2), (nil, 3), (4, nil), (nil, nil)]
for p in pairs {
    switch p {
    case let (a?, b?):
        print("both", a, b)
    case let (nil, b?):
        print("only second", b)
    case (let a?, nil):
        print("only first", a)
    case (nil, nil):
        print("neither")
    }
}
