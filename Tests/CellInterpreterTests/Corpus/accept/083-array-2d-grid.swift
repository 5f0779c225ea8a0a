var grid = Array(repeating: Array(repeating: 0, count: 4), count: 3)
grid[1][2] = 5
grid[0][0] = 1
grid[2][3] = 9
for row in grid {
    print(row)
}
print(grid)
print(grid.count, grid[0].count)
let transposed = (0..<4).map { c in grid.map { $0[c] } }
print(transposed)
