func f(a: Int = 1, b: Int = 2) -> Int { a + b }
print(f(b: 1, a: 2))
