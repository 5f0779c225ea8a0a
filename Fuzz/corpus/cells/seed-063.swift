func square(_ x: Int) -> Int { x * x }
square(7)