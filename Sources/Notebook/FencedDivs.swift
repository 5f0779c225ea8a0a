import Markup
/// The pass between `MathScanner` and cmark that finds fenced divs (`Div`): lines of three or
/// more colons at the start of a line, outside fenced code. Each fence line becomes a paragraph
/// of its own holding a token (`SlotToken.div` to open, `.divEnd` to close), which the tree
/// walker turns into a block; so cmark, which knows nothing of divs, parses what lies between
/// as ordinary Markdown, and nothing inside a div can run past its end.
struct FencedDivs {
    /// The divs, in the order they open.
    var divs: [Div] = []

    /// Rewrites `text` (with `lineMap`, the file line of each of its lines) in place. Throws a
    /// located error for a fence that cannot be read, a closing fence with nothing open, and
    /// a div never closed.
    mutating func extract(_ text: inout String, lineMap: inout [Int], path: String) throws(Diagnostic) {
        // Bytes, not Characters: Foundation's search and grapheme breaking over every notebook
        // cost more than the rest of this pass, and the standard library's generic
        // `firstRange(of:)` took 15 % of the CPU time of a render from the cache (perf); memchr does not show.
        guard ByteSearch.find(":::", in: text) != nil else { return }
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        var out: [Substring] = [], map: [Int] = []
        out.reserveCapacity(lines.count + 16)
        map.reserveCapacity(lines.count + 16)
        var open: [Int] = []  // indices into divs
        var code: (char: Character, count: Int)?
        for (k, line) in lines.enumerated() {
            let fileLine = lineMap.indices.contains(k) ? lineMap[k] : (lineMap.last ?? 1)
            if let fence = code {
                if Self.codeFence(line).map({ $0.char == fence.char && $0.count >= fence.count && $0.closes }) == true { code = nil }
                out.append(line); map.append(fileLine)
                continue
            }
            if let fence = Self.codeFence(line) {
                code = (fence.char, fence.count)
                out.append(line); map.append(fileLine)
                continue
            }
            guard line.hasPrefix(":::") else {
                out.append(line); map.append(fileLine)
                continue
            }
            let location = SourceLocation(file: path, line: fileLine, column: 1)
            let rest = line.drop(while: { $0 == ":" })
            let token: String
            if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                guard let closing = open.popLast() else {
                    throw .error("this ':::' closes no block (a block opens with '::: {.exercise}' or another kind)", at: location)
                }
                token = SlotToken.make(.divEnd, closing)
                divs[closing].endLine = fileLine
            } else {
                divs.append(try Self.div(from: rest, at: location))
                open.append(divs.count - 1)
                token = SlotToken.make(.div, divs.count - 1)
            }
            // A paragraph of its own, whatever the lines around it are.
            out += ["", Substring(token), ""]
            map += [fileLine, fileLine, fileLine]
        }
        if let unclosed = open.last {
            let div = divs[unclosed]
            throw .error("this '::: {.\(div.kind.rawValue)}' block is never closed; end it with a line ':::'", at: div.location)
        }
        text = out.joined(separator: "\n")
        lineMap = map
    }

    /// A line that opens or closes fenced code: up to three spaces, then three or more
    /// backticks or tildes (`closes`: nothing else on the line).
    static func codeFence(_ line: Substring) -> (char: Character, count: Int, closes: Bool)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard let char = rest.first, char == "`" || char == "~" else { return nil }
        let run = rest.prefix { $0 == char }
        guard run.count >= 3 else { return nil }
        let after = rest.dropFirst(run.count)
        return (char, run.count, after.allSatisfy { $0 == " " || $0 == "\t" })
    }

    /// The div an opening fence's attributes describe: `{.kind #id title="…"}` or a bare `kind`.
    static func div(from attributes: Substring, at location: SourceLocation) throws(Diagnostic) -> Div {
        var text = attributes.trimmingCharactersInSpaceAndNewlines()
        while text.hasSuffix(":") { text.removeLast() }  // `::: {.note} :::` is allowed, as in Pandoc
        text = text.trimmingCharactersInSpaceAndNewlines()
        var classes: [String] = [], id: String?, title: String?
        if text.hasPrefix("{") {
            guard text.hasSuffix("}") else {
                throw .error("the block's attributes need a closing '}': \(text)", at: location)
            }
            for item in try words(String(text.dropFirst().dropLast()), at: location) {
                if item.hasPrefix(".") {
                    classes.append(String(item.dropFirst()))
                } else if item.hasPrefix("#") {
                    guard id == nil else { throw .error("the block has two ids", at: location) }
                    id = String(item.dropFirst())
                } else if let equals = item.firstIndex(of: "=") {
                    let key = String(item[..<equals])
                    guard key == "title" else {
                        throw .error("unknown block attribute '\(key)' (a block takes .kind, #label and title=\"…\")", at: location)
                    }
                    title = String(item[item.index(after: equals)...])
                } else {
                    throw .error("cannot read '\(item)' in the block's attributes (a block takes .kind, #label and title=\"…\")", at: location)
                }
            }
        } else {
            classes = [text]
        }
        var kinds: [Div.Kind] = []
        for name in classes {
            let bare = name.hasPrefix("callout-") ? String(name.dropFirst(8)) : name
            guard let kind = Div.Kind(rawValue: bare), !name.hasPrefix("callout-") || kind.isCallout else {
                var message = "unknown block kind '\(name)'"
                let names = Div.Kind.allCases.map(\.rawValue)
                if let near = nearestName(to: bare, in: names) { message += "; did you mean '\(near)'?" }
                throw .error(message + " (kinds: \(names.joined(separator: ", ")))", at: location)
            }
            kinds.append(kind)
        }
        if let id {
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw .error("a block's label is letters, digits, '-' and '_', got '#\(id)'", at: location)
            }
        }
        let named = id.flatMap { $0.split(separator: "-", maxSplits: 1).first }.flatMap { Div.Kind.named(byPrefix: String($0)) }
        guard kinds.count <= 1 else {
            throw .error("a block has one kind, got \(kinds.map { "." + $0.rawValue }.joined(separator: " "))", at: location)
        }
        guard let kind = kinds.first ?? named else {
            throw .error("a block needs a kind: '::: {.exercise}', or a label that names one ('#exr-…', '#thm-…')", at: location)
        }
        if let id, let prefix = kind.prefix, !id.hasPrefix(prefix + "-") {
            throw .error("the label of \(Self.named(kind)) starts with '\(prefix)-', so that '@\(prefix)-…' refers to it; got '#\(id)'", at: location)
        }
        if let id, let other = named, other != kind {
            throw .error("'#\(id)' labels \(Self.named(other)), but the block is \(Self.named(kind))", at: location)
        }
        return Div(kind: kind, id: id, title: title, location: location)
    }

    /// "an exercise", "a theorem".
    static func named(_ kind: Div.Kind) -> String {
        ("aeiou".contains(kind.rawValue.first!) ? "an " : "a ") + kind.rawValue
    }

    /// The attribute list split at spaces, a quoted value (`title="A b"`) kept whole and unquoted.
    private static func words(_ text: String, at location: SourceLocation) throws(Diagnostic) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == " " || c == "\t" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(c)
            }
        }
        guard quote == nil else { throw .error("a quoted value in the block's attributes is never closed", at: location) }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
