enum Priority: Int, Comparable {
    case low = 1, medium, high
    static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
}
let tasks: [Priority] = [.medium, .high, .low, .medium]
print(tasks.sorted())
print(tasks.max()!)
print(Priority.low < .high)
enum Simple { case a, b }
print(Simple.a == .a, Simple.a != .b)
