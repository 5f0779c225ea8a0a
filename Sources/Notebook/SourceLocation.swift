/// A position in a notebook's Markdown file, 1-based, as editors and compilers count it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (for example `notebooks/vae.md`).
    public var file: String
    /// 1-based line in the Markdown file.
    public var line: Int
    /// 1-based column, counted in Unicode characters.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the prefix of every diagnostic.
    public var description: String { "\(file):\(line):\(column)" }
}

/// How serious a diagnostic is: errors fail a run, warnings are reported and the run goes on.
public enum Severity: String, Sendable, Hashable {
    case error
    case warning
    case note
}

/// A located message about a notebook, printed as `file:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// Further lines, printed as `file:line:col: note: …`.
    public var notes: [String]

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, notes: [String] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return ([prefix + "\(severity.rawValue): \(message)"] + notes.map { prefix + "note: \($0)" }).joined(separator: "\n")
    }
}
