func respond(_ cmd: String) -> String {
    switch cmd.lowercased() {
    case "hello", "hi":
        return "greeting"
    case "bye":
        return "farewell"
    case let s where s.hasPrefix("q"):
        return "question \(s)"
    default:
        return "unknown"
    }
}
for c in ["Hi", "BYE", "query", "nope"] {
    print(c, respond(c))
}
