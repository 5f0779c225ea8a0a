var xs = [3, 1, 2]
xs.insert(0, at: 1)
xs.sorted()