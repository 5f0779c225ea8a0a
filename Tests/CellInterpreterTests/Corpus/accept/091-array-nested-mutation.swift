var m = [[1, 2, 3], [4, 5, 6]]
m[1][0] = 40
m[0].append(10)
m.append([7])
print(m)
for i in 0..<m.count {
    m[i] = m[i].map { $0 * 2 }
}
print(m)
print(m.map { $0.reduce(0, +) })
