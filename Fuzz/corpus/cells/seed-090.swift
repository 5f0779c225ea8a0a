func f(_ n: Int) -> Int { n / (n - 3) }
f(5)
f(3)