struct P { var x: Int }
let p = P(x: 1)
p.x = 5
print(p)
