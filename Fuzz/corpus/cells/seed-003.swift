var out: [Int] = []
for x in [3, 1, 2] { out.append(x * 10) }
out