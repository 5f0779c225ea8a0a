var n = 10
repeat { n -= 3 } while n > 0
n