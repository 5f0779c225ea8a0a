class Playlist {
    private(set) var songs: [String] = []
    func add(_ s: String) { songs.append(s) }
    func removeFirst() -> String? {
        songs.isEmpty ? nil : songs.removeFirst()
    }
    var count: Int { songs.count }
}
let p = Playlist()
p.add("one")
p.add("two")
p.add("three")
let alias = p
alias.add("four")
print(p.songs, p.count)
print(p.removeFirst() as Any)
print(alias.songs)
