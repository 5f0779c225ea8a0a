let xs = [1, 2, 3]
xs[1]
xs[1..<3]
xs.count