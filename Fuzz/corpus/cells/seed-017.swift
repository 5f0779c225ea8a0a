let xs = [4, 5]
xs.first ?? 0