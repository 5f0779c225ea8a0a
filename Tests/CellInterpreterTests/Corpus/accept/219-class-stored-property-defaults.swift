class Settings {
    var volume = 5
    var muted = false
    var name: String
    init(name: String) { self.name = name }
    func toggle() { muted.toggle() }
}
let s = Settings(name: "main")
s.toggle()
s.volume += 2
print(s.name, s.volume, s.muted)
s.toggle()
print(s.muted)
