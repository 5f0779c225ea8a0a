func even(_ n: Int) -> Bool { n % 2 == 0 }
even(4)
even(7)