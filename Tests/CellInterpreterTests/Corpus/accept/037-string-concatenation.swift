var s = "Hello"
s += ", "
s = s + "world"
s.append("!")
print(s)
let c: Character = "?"
s.append(c)
print(s)
print("a" + "b" + "c")
let parts = ["x", "y", "z"]
var joined = ""
for p in parts {
    joined += p
}
print(joined)
