let q = VQVAE(inputSize: 4, latentCount: 2, codeSize: 2, codebookSize: 4, hiddenSizes: [4], seed: 0)
q.codes(\(bits)).shape