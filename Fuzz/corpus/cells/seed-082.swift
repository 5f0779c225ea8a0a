let xs = [1, 2]
var ys = xs
ys.append(3)
xs
ys