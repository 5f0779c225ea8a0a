class Animal {
    let name: String
    init(name: String) { self.name = name }
    func speak() -> String { "..." }
    func intro() -> String { "\(name) says \(speak())" }
}
class Dog: Animal {
    override func speak() -> String { "Woof" }
}
class Puppy: Dog {
    override func speak() -> String { super.speak() + " (squeaky)" }
}
let zoo: [Animal] = [Animal(name: "generic"), Dog(name: "Rex"), Puppy(name: "Bit")]
for a in zoo {
    print(a.intro())
}
print(zoo)
