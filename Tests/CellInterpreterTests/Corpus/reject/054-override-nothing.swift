class Animal {
    func speak() -> String { "..." }
}
class Dog: Animal {
    override func bark() -> String { "woof" }
}
print(Dog().speak())
