func where_(_ p: (Int, Int)) -> String {
    switch p {
    case (0, 0):
        return "origin"
    case (0, _):
        return "on y-axis"
    case (let x, 0):
        return "on x-axis at \(x)"
    case let (x, y) where x == y:
        return "diagonal \(x)"
    case (-2...2, -2...2):
        return "near"
    default:
        return "far"
    }
}
for p in [(0, 0), (0, 5), (3, 0), (4, 4), (1, -2), (9, 1)] {
    print(p, where_(p))
}
