struct P { var x: Int }
let ps = [P(x: 2), P(x: 1)]
print(ps.sorted())
