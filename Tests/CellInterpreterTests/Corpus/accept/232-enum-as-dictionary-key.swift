enum Fruit: String, CaseIterable {
    case apple, banana, cherry
}
var basket: [Fruit: Int] = [:]
for f in [Fruit.apple, .cherry, .apple, .banana, .apple] {
    basket[f, default: 0] += 1
}
for f in Fruit.allCases {
    print(f, basket[f] ?? 0)
}
print(basket[.apple]!)
print(basket.keys.map { $0.rawValue }.sorted())
