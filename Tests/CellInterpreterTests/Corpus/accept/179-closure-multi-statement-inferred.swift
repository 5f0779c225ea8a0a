let values = [1, 2, 3, 4, 5, 6]
let described = values.map { v in
    if v % 2 == 0 {
        return "even \(v)"
    }
    return "odd \(v)"
}
print(described)
let scaled = values.map { v -> Double in
    let d = Double(v)
    return d / 4
}
print(scaled)
let total = values.reduce(0) { acc, v in
    let w = v * 10
    return acc + w
}
print(total)
