class Animal {
    var name: String
    init(name: String) { self.name = name }
}
let a = Animal(name: "Rex")
print(a)
print([a, a])
print(String(describing: a))
print("\(a)")
let o: Animal? = a
print(o as Any)
print(type(of: a))
