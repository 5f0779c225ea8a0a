func greet(name: String, punctuation: String = "!") -> String { "hi " + name + punctuation }
greet(name: "Ada")
greet(name: "Ada", punctuation: "?")