let m = MADE(inputs: 4, hidden: [8])
m.history["kl"]