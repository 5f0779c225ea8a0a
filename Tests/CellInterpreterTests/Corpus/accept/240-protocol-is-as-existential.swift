protocol Animal { var name: String { get } }
protocol Swimmer { func swim() -> String }
struct Fish: Animal, Swimmer {
    let name: String
    func swim() -> String { "\(name) swims" }
}
struct Cat: Animal { let name: String }
let animals: [Animal] = [Fish(name: "Nemo"), Cat(name: "Tom")]
for a in animals {
    if let s = a as? Swimmer {
        print(s.swim())
    } else {
        print(a.name, "cannot swim")
    }
    print(a is Cat, a is Swimmer)
}
let p: Animal = Cat(name: "Kit")
print(p)
if let c = p as? Cat { print(c.name) }
