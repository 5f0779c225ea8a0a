let t = Tensor([0.2, 0.7, 0.5])
(t .> 0.5).sum()
(t .>= 0.5).sum()