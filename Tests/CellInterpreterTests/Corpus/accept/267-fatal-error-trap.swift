func pick(_ i: Int) -> String {
    switch i {
    case 0: return "zero"
    case 1: return "one"
    default: fatalError("unexpected index \(i)")
    }
}
print(pick(0))
print(pick(1))
print(pick(2))
