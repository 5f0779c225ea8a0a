import Yams

/// The YAML block between `---` lines at the top of a notebook.
public struct FrontMatter: Sendable {
    public var title: String?
    public var subtitle: String?
    /// One line on what the page teaches, shown under its title on a course's home page
    /// (Quarto's `description`).
    public var description: String?
    public var author: String?
    public var date: String?
    /// Every random draw in the notebook derives from it.
    public var seed: UInt64 = 0
    /// Constants visible to every cell, overridable with `--param name=value`.
    public var parameters: [Parameter] = []
    /// A table of contents; nil leaves it to the page (on for long pages).
    public var toc: Bool?
    /// Number the section headings.
    public var numberSections = false
    /// Options every cell starts from (Quarto's `execute:`).
    public var cellDefaults = CellOptions()
    /// The paper a printed page is laid out for (`papersize: a4` or `letter`, as Quarto).
    public var paperSize = PaperSize.a4
    /// The language of the prose (`lang: en`, BCP 47), declared on the page.
    public var language = "en"

    public init() {}

    /// Keys the front matter understands; others are ignored, as Quarto ignores formats it lacks.
    static let knownKeys = ["title", "subtitle", "description", "author", "date", "seed", "params", "toc", "number-sections", "execute", "papersize", "lang"]
}

/// Paper sizes for printing, with the CSS `@page` size each names.
public enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter, a5, legal

    /// The value of CSS `@page { size: … }`.
    public var css: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        case .a5: "A5"
        case .legal: "legal"
        }
    }
}

/// A named constant from `params:`.
public struct Parameter: Sendable, Hashable {
    public var name: String
    public var value: ParameterValue
    public var location: SourceLocation

    public init(name: String, value: ParameterValue, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A parameter's value; its type is the type a `--param` override must have.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    public var typeName: String {
        switch self {
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        }
    }

    public var description: String {
        switch self {
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .bool(let v): String(v)
        case .string(let v): v
        }
    }

    /// Parses an override written on the command line as a value of this one's type.
    public func parsingOverride(_ text: String) -> ParameterValue? {
        switch self {
        case .int: Int(text).map(ParameterValue.int)
        case .double: Double(text).flatMap { $0.isFinite ? ParameterValue.double($0) : nil }
        case .bool: text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .string: .string(text)
        }
    }
}

extension FrontMatter {
    /// Splits a notebook's text into its front matter and body. `bodyLine` is the file line
    /// the body starts on.
    static func split(_ text: String) -> (yaml: String?, body: Substring, bodyLine: Int) {
        guard text.hasPrefix("---\n") else { return (nil, text[...], 1) }
        // Line by line without splitting the text: the body is a slice of it.
        let yamlStart = text.utf8.index(text.startIndex, offsetBy: 4)
        var start = yamlStart, line = 2
        while true {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let trimmed = text[start..<end].trimmingCharactersInSpaceAndNewlines()
            if trimmed == "---" || trimmed == "..." {
                let yaml = start == yamlStart ? "" : String(text[yamlStart..<text.utf8.index(before: start)])
                let body = end == text.endIndex ? end : text.utf8.index(after: end)
                return (yaml, text[body...], line + 1)
            }
            guard end < text.endIndex else { break }
            start = text.utf8.index(after: end)
            line += 1
        }
        // No closing line: not front matter (a thematic break at the top, as cmark reads it).
        return (nil, text[...], 1)
    }

    /// Parses the YAML text of a front matter block that starts on file line 2.
    static func parse(yaml: String, path: String, base: FrontMatter = FrontMatter()) throws(Diagnostic) -> FrontMatter {
        let root = try composeYAML(yaml, what: "front matter") { SourceLocation(file: path, line: ($0?.line ?? 1) + 1, column: $0?.column ?? 1) }
        guard let root else { return base }
        return try parse(root, path: path, lineShift: 1, base: base)
    }

    /// The front matter of the mapping `root`, starting from `base` (a course's defaults); marks
    /// are `lineShift` lines above the file's lines.
    static func parse(_ root: Node, path: String, lineShift: Int, base: FrontMatter) throws(Diagnostic) -> FrontMatter {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: path, line: (mark?.line ?? 1) + lineShift, column: mark?.column ?? 1)
        }
        var front = base
        guard let mapping = root.mapping else {
            throw .error("front matter must be a mapping of keys to values (like 'title: …')", at: location(root.mark))
        }

        func string(_ node: Node, _ key: String) throws(Diagnostic) -> String {
            guard let scalar = node.scalar else {
                throw .error("front matter '\(key)' must be text", at: location(node.mark))
            }
            return scalar.string
        }

        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "title": front.title = try string(value, key)
            case "subtitle": front.subtitle = try string(value, key)
            case "description": front.description = try string(value, key)
            case "author": front.author = try string(value, key)
            case "date": front.date = try string(value, key)
            case "seed":
                guard let text = value.scalar?.string, let seed = UInt64(text) else {
                    throw .error("front matter 'seed' must be a non-negative whole number", at: location(value.mark))
                }
                front.seed = seed
            case "toc":
                guard let b = value.bool else { throw .error("front matter 'toc' must be true or false", at: location(value.mark)) }
                front.toc = b
            case "number-sections":
                guard let b = value.bool else {
                    throw .error("front matter 'number-sections' must be true or false", at: location(value.mark))
                }
                front.numberSections = b
            case "params":
                guard let params = value.mapping else {
                    throw .error("front matter 'params' must be a mapping of names to values", at: location(value.mark))
                }
                for (nameNode, valueNode) in params {
                    let name = nameNode.scalar?.string ?? ""
                    guard isIdentifier(name) else {
                        throw .error("parameter name '\(name)' is not a Swift identifier", at: location(nameNode.mark))
                    }
                    guard let parameterValue = ParameterValue(node: valueNode) else {
                        throw .error("parameter '\(name)' must be a number, true/false or text", at: location(valueNode.mark))
                    }
                    front.parameters.append(Parameter(name: name, value: parameterValue, location: location(nameNode.mark)))
                }
            case "papersize":
                guard let text = value.scalar?.string, let size = PaperSize(rawValue: text.lowercased()) else {
                    throw .error("front matter 'papersize' must be one of \(PaperSize.allCases.map(\.rawValue).joined(separator: ", "))", at: location(value.mark))
                }
                front.paperSize = size
            case "lang":
                guard let text = value.scalar?.string, isLanguageTag(text) else {
                    throw .error("front matter 'lang' must be a language tag such as en or zh-Hans", at: location(value.mark))
                }
                front.language = text
            case "execute":
                guard let options = value.mapping else {
                    throw .error("front matter 'execute' must be a mapping of cell options", at: location(value.mark))
                }
                for (nameNode, valueNode) in options {
                    do {
                        try front.cellDefaults.set(nameNode.scalar?.string ?? "", to: valueNode.scalar?.string ?? "")
                    } catch {
                        throw .error(error.message, at: location(nameNode.mark))
                    }
                }
            default:
                continue
            }
        }
        return front
    }
}

/// BCP 47's shape: letters, digits and hyphens, starting with a letter (en, zh-Hans, en-GB).
func isLanguageTag(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 35 && text.first!.isLetter
        && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
}

/// The YAML `text` composed into nodes, its syntax errors located by `location` and named as
/// errors in `what` (front matter, the course file).
func composeYAML(_ text: String, what: String, location: (Mark?) -> SourceLocation) throws(Diagnostic) -> Node? {
    do {
        return try Yams.compose(yaml: text)
    } catch let error as YamlError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            throw .error("invalid YAML in \(what): \(detail)", at: location(mark))
        default:
            throw .error("invalid YAML in \(what): \(error)", at: location(nil))
        }
    } catch {
        throw .error("invalid YAML in \(what): \(error)", at: location(nil))
    }
}

extension ParameterValue {
    init?(node: Node) {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain {
            if let i = node.int { self = .int(i); return }
            if let d = node.float, d.isFinite { self = .double(d); return }
            if let b = node.bool { self = .bool(b); return }
        }
        self = .string(scalar.string)
    }
}

/// True for a name a cell can refer to: a letter or `_`, then letters, digits and `_`.
func isIdentifier(_ name: String) -> Bool {
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
}
