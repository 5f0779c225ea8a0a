let r = 0..<5
r.count
r.contains(3)