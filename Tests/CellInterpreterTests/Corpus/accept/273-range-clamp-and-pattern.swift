let valid = 0...100
for v in [-5, 50, 150] {
    print(v, valid ~= v, min(max(v, valid.lowerBound), valid.upperBound))
}
let halfOpen = 0.0..<1.0
print(halfOpen.contains(0.999), halfOpen.contains(1.0))
print((1...).contains(1000))
let xs = [10, 20, 30, 40]
print(xs[1...], xs[...1])
