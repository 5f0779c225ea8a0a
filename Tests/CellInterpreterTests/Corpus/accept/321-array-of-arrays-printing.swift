let grid = [[1.0, 2.0], [3.5]]
print(grid)
let names = [["a"], [], ["b", "c"]]
print(names)
let nested: [[[Int]]] = [[[1]], [[2, 3], []]]
print(nested)
print(nested.count, nested[1].count, nested[1][0].count)
