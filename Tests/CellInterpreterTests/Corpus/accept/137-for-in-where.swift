for i in 1...20 where i % 5 == 0 {
    print(i)
}
let words = ["apple", "kiwi", "banana", "fig"]
for w in words where w.count > 3 {
    print(w)
}
