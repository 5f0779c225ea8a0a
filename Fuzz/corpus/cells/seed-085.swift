func counter() -> () -> Int {
  var c = 0
  func next() -> Int { c += 1; return c }
  return next
}
let n = counter()
n()
n()