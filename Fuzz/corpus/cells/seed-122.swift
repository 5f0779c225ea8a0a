let n = 3
"n is \(n), twice \(n * 2)"