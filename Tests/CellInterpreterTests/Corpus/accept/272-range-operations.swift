let r = 1...10
print(r.contains(5), r.contains(11))
print(r.count, r.lowerBound, r.upperBound)
print(r)
let h = 0..<5
print(h, h.count)
print((5..<5).isEmpty)
print(r.map { $0 }.suffix(3))
print((1...4).reduce(0, +))
print(Array(h.reversed()))
print(h.first as Any, h.last as Any)
