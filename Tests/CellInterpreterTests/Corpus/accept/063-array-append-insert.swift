var a = [1, 2, 3]
a.append(4)
print(a)
a.append(contentsOf: [5, 6])
print(a)
a.insert(0, at: 0)
print(a)
a.insert(99, at: 3)
print(a)
a += [7]
print(a)
a = a + [8, 9]
print(a, a.count)
