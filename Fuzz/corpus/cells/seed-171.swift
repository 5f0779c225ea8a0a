let d = DDPM(dataDimension: 2, steps: 10, hiddenWidths: [8], seed: 0)
d.alphaBar(0)
d.alphaBar(10) < d.alphaBar(5)
d.sampleTrajectory(4, snapshots: 3).steps