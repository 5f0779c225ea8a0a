let stock = ["apple": 3, "pear": 0]
for item in ["apple", "pear", "plum"] {
    if let n = stock[item] {
        print(item, n > 0 ? "in stock" : "sold out")
    } else {
        print(item, "unknown")
    }
}
print(stock.keys.contains("pear"))
print(stock["plum"] == nil)
