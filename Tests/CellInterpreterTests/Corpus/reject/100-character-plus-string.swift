let c: Character = "a"
let s = c + "b"
print(s)
