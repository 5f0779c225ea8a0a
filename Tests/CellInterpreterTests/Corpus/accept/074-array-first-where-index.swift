let a = [5, 12, 8, 130, 44, 8]
print(a.first(where: { $0 > 10 }) as Any)
print(a.first(where: { $0 > 1000 }) as Any)
print(a.firstIndex(of: 8) as Any)
print(a.lastIndex(of: 8) as Any)
print(a.firstIndex(of: 99) as Any)
print(a.firstIndex(where: { $0 > 100 })!)
print(a.last(where: { $0 < 10 })!)
if let i = a.firstIndex(of: 130) {
    print("found at", i)
}
