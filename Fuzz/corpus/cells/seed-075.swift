func apply(to x: Int, _ f: (Int) -> Int) -> Int { f(x) }
apply(to: 20) { $0 * 2 }