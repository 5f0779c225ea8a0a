var odd = 0
for i in 0..<10 { if i % 2 == 0 { continue }
 odd += 1 }
odd