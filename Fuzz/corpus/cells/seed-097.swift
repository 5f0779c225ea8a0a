func f(_ a: Int, _ b: Int) -> Int { a > b ? a - b : (a << 2) | b }
f(9, 4)
f(1, 2)