func f(_ n: Int) -> Int { n > 0 && n < 10 ? 1 : 0 }
f(5)
f(50)