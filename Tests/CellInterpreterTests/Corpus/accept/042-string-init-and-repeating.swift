print(String(42))
print(String(3.25))
print(String(true))
print(String(repeating: "ab", count: 3))
print(String(repeating: "-", count: 10))
let c: Character = "z"
print(String(c))
print(String(repeating: c, count: 4))
print(String(["a", "b", "c"]))
