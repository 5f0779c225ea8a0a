var s = 0.0
for row in Tensor([[1, 2], [3, 4]]) { s += row.sum() }
s