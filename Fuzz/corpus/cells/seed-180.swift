let a = Tensor([[1, 2], [3, 4]])
a • a