struct Item {
    let name: String
    let group: Int
}
let items = [Item(name: "d", group: 2), Item(name: "a", group: 1), Item(name: "c", group: 2), Item(name: "b", group: 1)]
let byGroup = items.sorted { ($0.group, $0.name) < ($1.group, $1.name) }
print(byGroup.map { "\($0.group)\($0.name)" })
let byName = items.sorted { $0.name > $1.name }
print(byName.map { $0.name })
