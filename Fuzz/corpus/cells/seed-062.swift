var xs = [1]
for _ in 0..<40 { xs += xs }