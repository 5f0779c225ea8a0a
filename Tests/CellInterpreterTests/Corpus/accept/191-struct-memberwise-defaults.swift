struct Config {
    var name: String
    var retries: Int = 3
    var verbose = false
}
let a = Config(name: "a")
let b = Config(name: "b", retries: 5)
let c = Config(name: "c", verbose: true)
let d = Config(name: "d", retries: 0, verbose: true)
print(a)
print(b)
print(c)
print(d)
