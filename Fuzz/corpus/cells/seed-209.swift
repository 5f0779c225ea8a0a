let m = MLP(widths: [2, 8, 1])
m(Tensor.zeros([5, 2])).shape