func outer(_ x: Int) -> Int {
  func inner(_ y: Int) -> Int { y * 2 + x }
  return inner(x) + 1
}
outer(5)