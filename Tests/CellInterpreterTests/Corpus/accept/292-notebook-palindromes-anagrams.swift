func isAnagram(_ a: String, _ b: String) -> Bool {
    a.lowercased().filter { $0 != " " }.sorted() == b.lowercased().filter { $0 != " " }.sorted()
}
print(isAnagram("Listen", "Silent"))
print(isAnagram("Dormitory", "dirty room"))
print(isAnagram("abc", "abd"))
let words = ["level", "swift", "noon", "radar", "code"]
let palindromes = words.filter { $0 == String($0.reversed()) }
print(palindromes)
