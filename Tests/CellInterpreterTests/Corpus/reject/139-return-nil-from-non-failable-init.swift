struct S {
    var x: Int
    init(text: String) {
        if text.isEmpty { return nil }
        x = 1
    }
}
