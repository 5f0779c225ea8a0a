let s = "Hi there"
var vowels = 0
for ch in s {
    if "aeiouAEIOU".contains(ch) {
        vowels += 1
    }
}
print("vowels:", vowels)
for (i, ch) in "abc".enumerated() {
    print(i, ch)
}
let upper = s.filter { $0.isUppercase }
print(upper)
print(type(of: upper))
