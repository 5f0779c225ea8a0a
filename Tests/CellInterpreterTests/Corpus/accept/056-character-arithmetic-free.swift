let letters: [Character] = ["d", "a", "c", "b"]
print(letters.sorted())
print(letters.contains("c"))
let c: Character = "q"
print(c == "q", c < "r")
print(String(c) + "!")
let word = letters.sorted().map { String($0) }.joined()
print(word)
