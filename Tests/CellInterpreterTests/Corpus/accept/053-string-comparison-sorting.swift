let names = ["bob", "Alice", "carol", "Dave"]
print(names.sorted())
print(names.sorted { $0.lowercased() < $1.lowercased() })
print(names.sorted(by: >))
print("a" < "B")
print("apple" < "apricot")
print("10" < "9")
print(names.min()!, names.max()!)
