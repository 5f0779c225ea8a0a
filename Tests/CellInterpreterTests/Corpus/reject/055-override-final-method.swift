class Animal {
    final func speak() -> String { "..." }
}
class Dog: Animal {
    override func speak() -> String { "woof" }
}
print("dogs")
