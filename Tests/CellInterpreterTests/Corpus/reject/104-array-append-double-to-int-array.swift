var xs = [1, 2]
let v = 2.5
xs.append(v)
print(xs)
