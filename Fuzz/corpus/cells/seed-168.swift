let a = Autoencoder(widths: [3, 1], seed: 0)
a.encode(\(points)).shape