var a = [5, 3, 8, 1, 9, 2]
a.swapAt(0, 5)
print(a)
a.sort()
print(a)
a.reverse()
print(a)
a.sort(by: >)
print(a)
var s = ["pear", "fig", "apple"]
s.sort()
print(s)
s.sort { $0.count < $1.count }
print(s)
