// A plain assignment through a subscript runs only its setter; a compound assignment runs the
// getter, then the setter. Through a property of a struct held in an array, too.
struct Grid {
    var cells = [0, 0, 0]
    subscript(i: Int) -> Int {
        get { print("get \(i)"); return cells[i] }
        set { print("set \(i) = \(newValue)"); cells[i] = newValue }
    }
}
var g = Grid()
g[1] = 5
g[2] += 1
print(g.cells)
var grids = [Grid(), Grid()]
grids[1][0] = 7
print(grids[1].cells)
