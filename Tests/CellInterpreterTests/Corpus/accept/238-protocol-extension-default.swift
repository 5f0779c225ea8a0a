protocol Greeter {
    var name: String { get }
    func greet() -> String
}
extension Greeter {
    func greet() -> String { "Hello, \(name)" }
    func shout() -> String { greet().uppercased() }
}
struct English: Greeter { let name: String }
struct Pirate: Greeter {
    let name: String
    func greet() -> String { "Ahoy, \(name)" }
}
let gs: [Greeter] = [English(name: "Ann"), Pirate(name: "Jack")]
for g in gs {
    print(g.greet(), "/", g.shout())
}
