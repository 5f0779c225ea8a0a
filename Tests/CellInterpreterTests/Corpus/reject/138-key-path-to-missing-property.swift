struct Cell { var row: Int }
let cells = [Cell(row: 2)]
print(cells.map(\.nope))
