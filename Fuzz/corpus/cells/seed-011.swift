var hits = 0
outer: for i in 0..<5 { for j in 0..<5 { if j == 2 { continue outer }
 if i == 3 { break outer }
 hits += 1 } }
hits