func outer(_ x: Int) -> Int {
  func inner(_ y: Int) -> Int { x + y }
  return inner(10)
}
outer(5)