var squares: [Int: Int] = [:]
for i in 1...5 {
    squares[i] = i * i
}
print(squares[3]!)
print(squares[6] as Any)
print(squares.keys.sorted())
print(squares.values.sorted(by: >))
print(squares.filter { $0.key % 2 == 1 }.count)
let total = squares.values.reduce(0, +)
print(total)
