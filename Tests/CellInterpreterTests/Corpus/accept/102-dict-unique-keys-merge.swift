let keys = ["x", "y", "z"]
let d = Dictionary(uniqueKeysWithValues: zip(keys, [1, 2, 3]))
print(d.sorted { $0.key < $1.key })
var a = ["x": 1, "y": 2]
a.merge(["y": 20, "w": 5]) { old, new in old + new }
print(a.sorted { $0.key < $1.key })
let b = a.merging(["x": 100]) { _, new in new }
print(b["x"]!, a["x"]!)
