let s = "stressed"
let r = String(s.reversed())
print(r)
print(s.reversed().count)
print(Array(s.reversed()))
print(String("racecar".reversed()) == "racecar")
for ch in "abc".reversed() {
    print(ch, terminator: ".")
}
print()
