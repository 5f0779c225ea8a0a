struct Cell: Hashable {
    var row: Int
    var col: Int
}
var visited = Set<Cell>()
visited.insert(Cell(row: 0, col: 0))
visited.insert(Cell(row: 1, col: 2))
visited.insert(Cell(row: 0, col: 0))
print(visited.count)
print(visited.contains(Cell(row: 1, col: 2)))
var labels: [Cell: String] = [:]
labels[Cell(row: 5, col: 5)] = "center"
print(labels[Cell(row: 5, col: 5)] ?? "none")
print(labels[Cell(row: 0, col: 5)] ?? "none")
