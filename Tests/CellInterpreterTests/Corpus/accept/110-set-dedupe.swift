let values = [3, 1, 3, 2, 1, 3, 5]
let unique = Set(values)
print(unique.count)
print(unique.sorted())
var seen = Set<Int>()
var ordered: [Int] = []
for v in values {
    if seen.insert(v).inserted {
        ordered.append(v)
    }
}
print(ordered)
let letters = Set("mississippi")
print(letters.count, letters.sorted())
