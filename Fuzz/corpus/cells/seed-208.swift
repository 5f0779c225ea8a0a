let m = MLP(widths: [2, 8, 1])
m.parameterCount