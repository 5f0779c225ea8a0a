enum Direction {
    case north, south, east, west
}
var d = Direction.north
print(d)
d = .west
print(d)
print(d == .west, d == .north)
let all: [Direction] = [.north, .east]
print(all)
print(String(describing: Direction.south))
print("heading \(d)")
