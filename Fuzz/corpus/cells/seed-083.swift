var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid