let a = Array(10...20)
let s1 = a[3...8]
let s2 = s1[5...6]
print(s1, s1.startIndex)
print(s2, s2.startIndex, s2.endIndex)
print(s2.first!, s2.last!)
print(s1.dropFirst(2).startIndex)
print(s1.prefix(2).endIndex)
print(s1.count, s2.count)
