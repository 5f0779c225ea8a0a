struct Counter { var n = 0 }
var c = Counter()
let snapshot = c
let read = { c.n }
c.n = 5
print(read(), snapshot.n)
var values = [1, 2]
let countThem = { values.count }
values.append(3)
print(countThem())
