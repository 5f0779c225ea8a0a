func f(_ n: Int) -> Int { n * 2 }
f(2.5)