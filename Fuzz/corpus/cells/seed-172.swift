let d = DDPM(dataDimension: 2, steps: 10)
d.sample(2, clipLow: 1)