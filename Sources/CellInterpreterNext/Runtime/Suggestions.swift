/// The candidate closest to `name` by edit distance, if close enough to be a likely typo:
/// the "did you mean" of unknown names, members and labels.
func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    for candidate in candidates where candidate != name {
        let d = editDistance(name, candidate)
        if d < (best?.1 ?? Int.max) || (d == best?.1 && candidate < best!.0) { best = (candidate, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    return distance <= max(1, min(name.count, candidate.count) / 3) ? candidate : nil
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment),
/// so `pritn` is one edit from `print`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
