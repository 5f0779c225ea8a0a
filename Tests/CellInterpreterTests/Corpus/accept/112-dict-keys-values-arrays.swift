let d = ["b": 2, "a": 1, "c": 3]
let keys = Array(d.keys).sorted()
let values = Array(d.values).sorted()
print(keys, values)
print(d.keys.count)
print(d.values.contains(2))
let inverted = Dictionary(uniqueKeysWithValues: d.map { ($0.value, $0.key) })
print(inverted[1]!, inverted[3]!)
