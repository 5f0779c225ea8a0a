let a = [1, 2, 3]
let b: [String] = ["x", "y"]
let c = [Double]()
let d: [Int] = []
print(a, b, c, d)
print(a.count, c.isEmpty, d.isEmpty)
print(a.first as Any, d.first as Any)
print(a.last!, b.last!)
print([[1, 2], [3]])
print([true, false])
