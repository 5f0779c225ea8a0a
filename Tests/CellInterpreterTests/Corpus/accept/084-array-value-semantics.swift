var a = [1, 2, 3]
var b = a
b.append(4)
b[0] = 100
print(a)
print(b)
func modify(_ xs: [Int]) -> [Int] {
    var ys = xs
    ys[0] = -1
    return ys
}
let c = modify(a)
print(a, c)
var grid = [[1, 2], [3, 4]]
var row = grid[0]
row[0] = 99
print(grid, row)
