func g() -> Int { return "s" }
g()