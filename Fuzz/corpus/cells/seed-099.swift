func f(_ n: Int) -> Int { n + f(n - 1) }
f(3)