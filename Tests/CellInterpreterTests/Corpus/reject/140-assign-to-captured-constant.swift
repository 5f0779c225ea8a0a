var v = 1
let f = { [v] in v += 1 }
f()
