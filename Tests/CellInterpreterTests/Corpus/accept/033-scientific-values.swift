let c = 299_792_458.0
print(c)
let g = 6.674e-11
print(g)
let avogadro = 6.02214076e23
print(avogadro)
print(c * c)
print(g * 2)
print(1.0 / avogadro)
