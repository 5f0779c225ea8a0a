let words = ["", "a", "hello", "héllo", "👍🏽", "🇫🇷"]
for w in words {
    print(w, w.count, w.isEmpty)
}
let e = String()
print(e.isEmpty, e.count)
