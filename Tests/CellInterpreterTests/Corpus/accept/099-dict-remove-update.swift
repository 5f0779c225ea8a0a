var d = ["a": 1, "b": 2, "c": 3]
d["b"] = nil
print(d.keys.sorted())
let removed = d.removeValue(forKey: "a")
print(removed as Any)
print(d.removeValue(forKey: "zz") as Any)
let old = d.updateValue(30, forKey: "c")
print(old as Any)
let fresh = d.updateValue(4, forKey: "d")
print(fresh as Any)
print(d.sorted { $0.key < $1.key })
