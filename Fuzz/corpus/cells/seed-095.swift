func h(_ n: Int) -> Int { n + 1 }
func g(_ n: Int) -> Int { h(n) * 2 }
g(4)