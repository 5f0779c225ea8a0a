func greet(name: String) -> String { "hi \(name)" }
print(greet(person: "Ann"))
