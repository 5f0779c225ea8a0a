let words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
let groups = Dictionary(grouping: words, by: { $0.first! })
for key in groups.keys.sorted() {
    print(key, groups[key]!)
}
let byLength = Dictionary(grouping: [1, 2, 3, 4, 5, 6], by: { $0 % 3 })
print(byLength[0]!, byLength[1]!, byLength[2]!)
