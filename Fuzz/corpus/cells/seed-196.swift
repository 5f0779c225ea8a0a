let t = Tensor.zeros([2])
var u = t
u[0] = 1
t