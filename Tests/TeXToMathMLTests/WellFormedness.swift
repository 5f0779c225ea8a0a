/// A small checker that MathML output is well-formed: balanced tags, quoted attributes,
/// only known entities, no raw `<` or `&` in text. (Tests only; no XML library needed.)
enum WellFormedness {
    static let entities: Set<String> = ["amp", "lt", "gt", "quot"]

    static func problems(in markup: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        let scalars = Array(markup.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                guard let end = scalars[index...].firstIndex(of: ">") else {
                    problems.append("unterminated tag at \(index)")
                    break
                }
                var tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                index = end + 1
                if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst())
                    if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes \(stack.last ?? "nothing")") }
                    continue
                }
                let selfClosing = tag.hasSuffix("/")
                if selfClosing { tag.removeLast() }
                let name = String(tag.prefix { $0 != " " })
                if name.isEmpty || !name.allSatisfy({ $0.isLetter }) { problems.append("bad tag name '\(name)'") }
                let attributes = tag.dropFirst(name.count)
                if attributes.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("unbalanced quotes in <\(tag)>") }
                if attributes.contains("<") { problems.append("'<' in attributes of <\(name)>") }
                if !selfClosing { stack.append(name) }
            } else if scalar == "&" {
                guard let end = scalars[index...].firstIndex(of: ";") else {
                    problems.append("bare & at \(index)")
                    break
                }
                let entity = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if !entities.contains(entity) && !(entity.hasPrefix("#x") && entity.count > 2) && !(entity.hasPrefix("#") && entity.count > 1 && entity.dropFirst().allSatisfy(\.isNumber)) {
                    problems.append("unknown entity &\(entity);")
                }
                index = end + 1
            } else if scalar == ">" {
                problems.append("raw > in text at \(index)")
                index += 1
            } else {
                index += 1
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }
}
