let twice = { (x: Int) -> Int in x * 2 }
twice(21)