var grid = [
    [0, 0, 0, 0, 0],
    [0, 0, 1, 0, 0],
    [0, 0, 1, 0, 0],
    [0, 0, 1, 0, 0],
    [0, 0, 0, 0, 0],
]
func step(_ g: [[Int]]) -> [[Int]] {
    let n = g.count
    var next = g
    for r in 0..<n {
        for c in 0..<n {
            var live = 0
            for dr in -1...1 {
                for dc in -1...1 where !(dr == 0 && dc == 0) {
                    let rr = r + dr, cc = c + dc
                    if rr >= 0 && rr < n && cc >= 0 && cc < n { live += g[rr][cc] }
                }
            }
            next[r][c] = (live == 3 || (live == 2 && g[r][c] == 1)) ? 1 : 0
        }
    }
    return next
}
for gen in 0..<3 {
    print("generation", gen)
    for row in grid { print(row.map { $0 == 1 ? "#" : "." }.joined()) }
    grid = step(grid)
}
