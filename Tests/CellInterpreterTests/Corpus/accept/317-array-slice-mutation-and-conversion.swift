var a = [1, 2, 3, 4, 5, 6]
var s = a[2..<5]
s[2] = 30
print(s, a)
a[0..<2] = [9, 9, 9]
print(a)
a.replaceSubrange(1...2, with: [0])
print(a)
let sum = a[1...].reduce(0, +)
print(sum)
print(Array(a[3...]).indices)
