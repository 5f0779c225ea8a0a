// Key paths where a function is expected (SE-0249): \.property and \.a.b chains.
struct Cell { var row: Int; var col: Int; var label: String }
let cells = [Cell(row: 2, col: 5, label: "b"), Cell(row: 1, col: 7, label: "apple"), Cell(row: 3, col: 1, label: "kiwi")]
print(cells.map(\.col), cells.map(\.label.count), cells.filter { $0.row > 1 }.map(\.label))
let total = cells.map(\.row).reduce(0, +)
let longest = cells.max { $0.label.count < $1.label.count }!
print(total, longest.label, cells.contains { $0.col == 1 })
let words = ["pear", "fig", "banana"]
print(words.map(\.count), words.map(\.self), words.sorted().map(\.first))
let f: (Cell) -> Int = \.row
print(cells.map(f), cells.compactMap(\.label.first))
