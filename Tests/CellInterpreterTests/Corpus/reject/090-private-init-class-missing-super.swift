class Base {
    let id: Int
    init(id: Int) { self.id = id }
}
class Child: Base {
    let name: String
    init(name: String) {
        self.name = name
    }
}
print(Child(name: "x").id)
