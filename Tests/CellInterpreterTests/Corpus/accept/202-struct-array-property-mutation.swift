struct Inventory {
    var items: [String: Int] = [:]
    var log: [String] = []
    mutating func add(_ name: String, _ n: Int) {
        items[name, default: 0] += n
        log.append("+\(n) \(name)")
    }
}
var inv = Inventory()
inv.add("apple", 3)
inv.add("pear", 1)
inv.add("apple", 2)
print(inv.items["apple"]!, inv.items["pear"]!)
print(inv.log)
