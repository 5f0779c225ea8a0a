let a = [3, 9, -2, 7]
print(a.min() as Any, a.max() as Any)
print(a.min()!, a.max()!)
let e: [Int] = []
print(e.min() as Any)
let words = ["kiwi", "banana", "fig"]
print(words.min(by: { $0.count < $1.count })!)
print(words.max(by: { $0.count < $1.count })!)
print(words.max()!)
let ds = [2.5, -1.0, 3.25]
print(ds.max()!, ds.min()!)
