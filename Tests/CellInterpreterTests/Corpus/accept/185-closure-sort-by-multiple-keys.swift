let people = [("ann", 30), ("bob", 25), ("cy", 30), ("al", 25)]
let sorted = people.sorted { a, b in
    if a.1 != b.1 { return a.1 > b.1 }
    return a.0 < b.0
}
for p in sorted {
    print(p.0, p.1)
}
