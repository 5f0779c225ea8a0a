func rle(_ s: String) -> String {
    var out = ""
    var prev: Character? = nil
    var count = 0
    for c in s {
        if c == prev {
            count += 1
        } else {
            if let p = prev { out += "\(count)\(p)" }
            prev = c
            count = 1
        }
    }
    if let p = prev { out += "\(count)\(p)" }
    return out
}
print(rle("aaabccddddd"))
print(rle(""))
print(rle("abc"))
