func makeCounter() -> () -> Int {
  var n = 0
  return { n += 1; return n }
}
let c = makeCounter()
c()
c()
let d = makeCounter()
d()