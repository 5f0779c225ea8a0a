func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
apply({ $0 + 1 }, to: 41)