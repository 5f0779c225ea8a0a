func f(_ n: Int) -> Int { n - 1 }
f(Int.min)