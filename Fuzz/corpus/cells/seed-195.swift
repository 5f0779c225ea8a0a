var t = Tensor.zeros([2, 2])
t[0, 1] = 5
t