let labels = [0, 1, 5, 12].map { n -> String in
    switch n {
    case 0: return "none"
    case 1: return "one"
    case 2..<10: return "some"
    default: return "lots"
    }
}
print(labels)
