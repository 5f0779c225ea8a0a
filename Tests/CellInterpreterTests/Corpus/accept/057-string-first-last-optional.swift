let words = ["apple", "", "kiwi"]
for w in words {
    print(w.first as Any, w.last as Any)
    if let f = w.first {
        print("starts with", f)
    } else {
        print("empty")
    }
}
