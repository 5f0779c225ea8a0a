/// A problem in TeX math source, located by its offset into the TeX string.
///
/// `utf8Offset` counts UTF-8 bytes from the start of the TeX string; `line` and `column`
/// are 1-based, the column counted in UTF-8 bytes as swift-syntax's `SourceLocation` does,
/// so a page renderer can add them to where the formula starts and report `file:line:col`.
public struct TeXMathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, with the names a person needs to fix it.
    public enum Kind: Sendable, Equatable {
        case unknownCommand(String)
        case unknownEnvironment(String)
        case unclosedBrace
        case unexpectedCloseBrace
        case missingArgument(command: String)
        case missingOpenBrace(command: String)
        case unclosedArgument(command: String)
        case leftWithoutRight
        case rightWithoutLeft
        case middleWithoutLeft
        case invalidDelimiter(command: String, found: String)
        case missingEnd(environment: String)
        case mismatchedEnd(expected: String, found: String)
        case endWithoutBegin(String)
        case doubleSuperscript
        case doubleSubscript
        case misplacedAlignmentTab
        case misplacedLineBreak
        case misplacedTag
        case duplicateTag
        case tagInInlineMath
        case unexpectedCharacter(String)
        case invalidArgument(command: String, argument: String)
        case tooDeeplyNested(limit: Int)
        case doubleOver
        case misplacedLimits
    }

    /// What went wrong.
    public var kind: Kind
    /// Byte offset of the offending token in the UTF-8 encoding of the TeX string.
    public var utf8Offset: Int
    /// 1-based line of the offending token within the TeX string.
    public var line: Int
    /// 1-based column of the offending token, in UTF-8 bytes from the start of its line.
    public var column: Int

    /// Makes an error at a UTF-8 offset of `source`, computing its line and column.
    public init(_ kind: Kind, utf8Offset: Int, in source: String) {
        self.kind = kind
        self.utf8Offset = utf8Offset
        var line = 1
        var lineStart = 0
        var index = 0
        for byte in source.utf8 {
            if index >= utf8Offset { break }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        self.line = line
        self.column = utf8Offset - lineStart + 1
    }

    /// A one-line message, without location, e.g. `unknown command \foo`.
    public var message: String {
        switch kind {
        case .unknownCommand(let name): return "unknown command \\\(name)"
        case .unknownEnvironment(let name): return "unknown environment '\(name)'"
        case .unclosedBrace: return "unbalanced braces: this '{' is never closed"
        case .unexpectedCloseBrace: return "unbalanced braces: '}' without a matching '{'"
        case .missingArgument(let command): return "\(command) is missing an argument"
        case .missingOpenBrace(let command): return "\(command) expects a braced argument '{…}'"
        case .unclosedArgument(let command): return "the argument of \(command) is never closed"
        case .leftWithoutRight: return "\\left without a matching \\right"
        case .rightWithoutLeft: return "\\right without a matching \\left"
        case .middleWithoutLeft: return "\\middle outside \\left … \\right"
        case .invalidDelimiter(let command, let found):
            return "\(command) must be followed by a delimiter, not '\(found)'"
        case .missingEnd(let environment): return "\\begin{\(environment)} without \\end{\(environment)}"
        case .mismatchedEnd(let expected, let found):
            return "\\begin{\(expected)} ended by \\end{\(found)}"
        case .endWithoutBegin(let name): return "\\end{\(name)} without a matching \\begin"
        case .doubleSuperscript: return "double superscript: use braces, e.g. x^{a^b} or {x^a}^b"
        case .doubleSubscript: return "double subscript: use braces, e.g. x_{a_b} or {x_a}_b"
        case .misplacedAlignmentTab: return "'&' outside an environment such as aligned or matrix"
        case .misplacedLineBreak: return "'\\\\' inside a group: line breaks go at the top level or in an environment"
        case .misplacedTag: return "\\tag is only allowed at the top level of an equation or an align row"
        case .duplicateTag: return "only one \\tag is allowed per equation or row"
        case .tagInInlineMath: return "\\tag is only allowed in display math"
        case .unexpectedCharacter(let text): return "unexpected '\(text)' in math"
        case .invalidArgument(let command, let argument):
            return "invalid argument '\(argument)' for \(command)"
        case .tooDeeplyNested(let limit): return "formula nested more than \(limit) levels deep"
        case .doubleOver: return "ambiguous: more than one \\over, \\atop or \\choose in a group"
        case .misplacedLimits: return "\\limits and \\nolimits must follow a big operator such as \\sum"
        }
    }

    /// `line:column: message`, relative to the TeX string.
    public var description: String { "\(line):\(column): \(message)" }
}
