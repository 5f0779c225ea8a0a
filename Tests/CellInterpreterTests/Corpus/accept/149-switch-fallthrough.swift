for n in [1, 2, 3] {
    var out: [String] = []
    switch n {
    case 1:
        out.append("one")
        fallthrough
    case 2:
        out.append("two-or-fell")
    case 3:
        out.append("three")
        fallthrough
    default:
        out.append("default")
    }
    print(n, out)
}
