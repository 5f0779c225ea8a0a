let capitals = ["France": "Paris", "Japan": "Tokyo", "Chile": "Santiago"]
for (country, city) in capitals.sorted(by: { $0.key < $1.key }) {
    print("\(country): \(city)")
}
for key in capitals.keys.sorted(by: >) {
    print(key)
}
