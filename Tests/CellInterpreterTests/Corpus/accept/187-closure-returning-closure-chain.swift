let adders = (1...3).map { n in { (x: Int) in x + n } }
print(adders.map { $0(10) })
let multiplier: (Int) -> (Int) -> Int = { a in { b in a * b } }
print(multiplier(3)(4))
let triple = multiplier(3)
print([1, 2, 3].map(triple))
