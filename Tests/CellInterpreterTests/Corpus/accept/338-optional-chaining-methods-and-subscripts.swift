struct Library {
    var books: [String]
    func book(at i: Int) -> String? { i < books.count ? books[i] : nil }
}
let lib: Library? = Library(books: ["Dune", "Emma"])
let none: Library? = nil
print(lib?.book(at: 0)?.uppercased() as Any)
print(lib?.book(at: 5)?.uppercased() as Any)
print(none?.books.count as Any)
print(lib?.books[1] as Any)
print(lib?.books.first?.count ?? 0)
