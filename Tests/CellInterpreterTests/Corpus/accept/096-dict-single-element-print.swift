let d = ["only": 1]
print(d)
let e: [String: Int] = [:]
print(e, e.isEmpty, e.count)
let f = [1: [2, 3]]
print(f)
print(type(of: d))
