class Player {
    let name: String
    var level: Int
    var tag = "p"
    init(name: String, level: Int) {
        self.name = name
        self.level = level
    }
    convenience init(name: String) {
        self.init(name: name, level: 1)
        tag += "!"
    }
    convenience init() {
        self.init(name: "anon")
        level += 10
    }
    func describe() -> String { "\(name) at \(level) \(tag)" }
}
class Pro: Player {
    var bonus = 5
    func total() -> Int { level + bonus }
}
let a = Player(name: "ann")
let b = Player()
let c = Pro(name: "cy")
let d = Pro()
print(a.describe(), b.describe(), c.describe(), c.total(), d.describe(), d.total())
print(type(of: d), d is Pro)
