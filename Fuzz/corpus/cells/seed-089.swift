func f(_ n: Int) -> Int { n < 2 ? n : f(n - 1) + f(n - 2) }
let k = 10
f(k)
f(k - 3)