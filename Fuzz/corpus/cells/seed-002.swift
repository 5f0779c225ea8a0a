var s = 0
for i in 0..<10 where i % 2 == 0 { s += i }
s