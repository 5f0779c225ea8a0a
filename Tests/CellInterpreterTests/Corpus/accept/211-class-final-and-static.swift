final class IDGenerator {
    static var next = 1
    static func make() -> Int {
        defer { next += 1 }
        return next
    }
}
print(IDGenerator.make(), IDGenerator.make(), IDGenerator.make())
print(IDGenerator.next)
class Config {
    static let shared = Config()
    var level = 0
}
Config.shared.level = 3
print(Config.shared.level)
