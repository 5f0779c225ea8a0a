func outer() -> Int {
  func inner(_ n: Int) -> Int { n == 0 ? 0 : 1 + inner(n - 1) }
  return inner(5)
}
outer()