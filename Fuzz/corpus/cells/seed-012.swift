func f(_ x: Int) -> String {
  guard x > 0 else { return "non-positive" }
  return "positive"
}
f(-1)
f(2)