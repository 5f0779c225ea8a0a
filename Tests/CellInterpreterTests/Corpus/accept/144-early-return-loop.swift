func firstNegative(_ xs: [Int]) -> Int? {
    for x in xs {
        if x < 0 {
            return x
        }
    }
    return nil
}
print(firstNegative([3, 1, -4, -1]) as Any)
print(firstNegative([1, 2]) as Any)
