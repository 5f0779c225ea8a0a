func f(_ n: Int) -> Int { -n }
f(5)
f(Int.min)