let s = "café"
print(s.count)
let decomposed = "cafe\u{301}"
print(decomposed.count)
print(s == decomposed)
let flag = "🇯🇵"
print(flag.count)
let family = "👨‍👩‍👧"
print(family.count)
print(Array("héllo").count)
