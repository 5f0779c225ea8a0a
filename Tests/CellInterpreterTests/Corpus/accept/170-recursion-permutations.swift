func permutations(_ xs: [Character]) -> [String] {
    if xs.count <= 1 { return [String(xs)] }
    var result: [String] = []
    for (i, c) in xs.enumerated() {
        var rest = xs
        rest.remove(at: i)
        for p in permutations(rest) {
            result.append(String(c) + p)
        }
    }
    return result
}
print(permutations(Array("abc")))
