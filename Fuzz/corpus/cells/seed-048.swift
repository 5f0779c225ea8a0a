var p = (x: 1, y: 2)
p.x = 5
p