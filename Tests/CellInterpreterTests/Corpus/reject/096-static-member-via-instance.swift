struct Config {
    static let version = 2
}
let c = Config()
print(c.version)
