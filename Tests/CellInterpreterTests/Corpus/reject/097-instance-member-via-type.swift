struct Config {
    var version = 2
}
print(Config.version)
