protocol Describable {
    var name: String { get }
    func describe() -> String
}
struct Book: Describable {
    let name: String
    let pages: Int
    func describe() -> String { "\(name), \(pages) pages" }
}
class Film: Describable {
    let name: String
    init(name: String) { self.name = name }
    func describe() -> String { "film \(name)" }
}
enum Song: Describable {
    case hit
    var name: String { "Hit Song" }
    func describe() -> String { "song \(name)" }
}
let items: [Describable] = [Book(name: "Dune", pages: 412), Film(name: "Heat"), Song.hit]
for i in items {
    print(i.name, "|", i.describe())
}
