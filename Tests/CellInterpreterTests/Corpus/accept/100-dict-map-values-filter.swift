let prices = ["apple": 1.5, "pear": 2.0, "kiwi": 0.5]
let doubled = prices.mapValues { $0 * 2 }
print(doubled.sorted { $0.key < $1.key })
let cheap = prices.filter { $0.value < 1.8 }
print(cheap.keys.sorted())
let names = prices.map { $0.key.uppercased() }
print(names.sorted())
print(prices.values.reduce(0, +))
