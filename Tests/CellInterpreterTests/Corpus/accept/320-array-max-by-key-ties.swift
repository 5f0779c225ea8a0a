let words = ["bb", "a", "cc", "ddd", "eee"]
print(words.max { $0.count < $1.count }!)
print(words.min { $0.count < $1.count }!)
print(words.sorted { $0.count > $1.count })
print(words.firstIndex { $0.count == 2 }!, words.lastIndex { $0.count == 3 }!)
