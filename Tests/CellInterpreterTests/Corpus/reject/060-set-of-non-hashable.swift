struct P { var x: Int }
let s: Set<P> = [P(x: 1)]
print(s.count)
