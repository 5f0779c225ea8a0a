var a = [1, 2, 3]
print(a)
a.removeLast()
print(a, a.count)
let idx = a.count
print("reading index", idx)
print(a[idx])
