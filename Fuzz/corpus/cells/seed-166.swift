let v = VAE(inputSize: 4, latentSize: 1, hiddenSizes: [4], seed: 1)
let e = v.elbo(\(bits), samples: 4, seed: 2)
abs(e.total - (e.reconstruction - e.kl)) < 1e-9
e.kl >= 0