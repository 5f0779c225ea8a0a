let p = PPCA(components: 2)
p.sample(3)