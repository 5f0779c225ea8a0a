protocol Animal {
    var name: String { get }
    func sound() -> String
}
struct Dog: Animal { let name: String; func sound() -> String { "woof" } }
struct Cow: Animal { let name: String; func sound() -> String { "moo" } }
func chorus(_ animals: [Animal]) -> String {
    animals.map { "\($0.name) says \($0.sound())" }.joined(separator: "; ")
}
print(chorus([Dog(name: "Rex"), Cow(name: "Bess")]))
func loudest<T: Animal>(_ a: T) -> String { a.sound().uppercased() }
print(loudest(Cow(name: "x")))
