func sum(_ xs: Int...) -> Int { xs.reduce(0, +) }
let values = [1, 2, 3]
print(sum(values))
