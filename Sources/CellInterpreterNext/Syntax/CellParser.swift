import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses a cell with SwiftParser and folds its operators with Swift's standard precedence.
/// The first syntax error is the cell's failure, placed where the parser put it.
enum CellParser {
    /// Swift's operators, plus `•` for the matrix product at multiplication's precedence.
    static let operators: OperatorTable = {
        var table = OperatorTable.standardOperators
        try? table.addSourceFile(Parser.parse(source: "infix operator • : MultiplicationPrecedence"))
        // Elementwise tensor comparisons, spelled as Swift's SIMD comparisons.
        for op in [".<", ".<=", ".>", ".>=", ".==", ".!="] {
            try? table.addSourceFile(Parser.parse(source: "infix operator \(op) : ComparisonPrecedence"))
        }
        return table
    }()

    static func parse(_ code: String) throws(CellFailure) -> SourceFileSyntax {
        try refuseDeepBrackets(code)
        let tree = Parser.parse(source: code)
        try refuseWhatCrashesTheDiagnostics(tree)
        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        if let first = diagnostics.first(where: { $0.diagMessage.severity == .error }) {
            throw CellFailure(.syntax, first.message, at: first.position.utf8Offset)
        }
        var foldError: OperatorError?
        let folded = operators.foldAll(tree) { error in
            if foldError == nil { foldError = error }
        }
        if let foldError {
            throw CellFailure(.syntax, foldError.message, at: foldError.location.utf8Offset)
        }
        guard let file = folded.as(SourceFileSyntax.self) else {
            throw CellFailure(.syntax, "the cell could not be parsed", at: 0)
        }
        return file
    }
}

extension CellParser {
    /// How deep square brackets may nest in a cell.
    static let maxBracketDepth = 12

    /// swift-syntax 603 parses nested square brackets in time exponential in their depth (its
    /// lookahead tries array type and literal at each level: 16 levels take 0.1 s, 22 take 3 s,
    /// 40 never finish; found by the cell fuzzer). Real cells nest a few levels, so past
    /// `maxBracketDepth` the cell is refused before it reaches the parser, at the bracket that
    /// went too deep. Brackets inside comments and string literals do not count.
    static func refuseDeepBrackets(_ code: String) throws(CellFailure) {
        let bytes = Array(code.utf8)
        var depth = 0
        var i = 0
        func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "/"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "/") where at(i + 1) == UInt8(ascii: "*"):
                i += 2
                while i < bytes.count, !(bytes[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/")) { i += 1 }
                i += 1
            case UInt8(ascii: "\""):
                let quote = UInt8(ascii: "\"")
                if at(i + 1) == quote, at(i + 2) == quote {
                    i += 3
                    while i < bytes.count, !(bytes[i] == quote && at(i + 1) == quote && at(i + 2) == quote) { i += 1 }
                    i += 2
                } else {
                    i += 1
                    while i < bytes.count, bytes[i] != quote, bytes[i] != UInt8(ascii: "\n") {
                        if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                        i += 1
                    }
                }
            case UInt8(ascii: "["):
                depth += 1
                if depth > maxBracketDepth {
                    throw CellFailure(.unsupported, "square brackets nested more than \(maxBracketDepth) deep are not supported in cells", at: i)
                }
            case UInt8(ascii: "]"):
                depth = max(0, depth - 1)
            default:
                break
            }
            i += 1
        }
    }

    /// swift-syntax 603's diagnostics stop the process (a Fix-It with no change) on an `=` whose
    /// sides both have a space but are still "inconsistent" because stray text sits in the
    /// trivia (`let x \u{FFFD}= 0`, found by fuzzing). Such a cell is refused here first, at the
    /// stray text.
    static func refuseWhatCrashesTheDiagnostics(_ tree: SourceFileSyntax) throws(CellFailure) {
        for token in tree.tokens(viewMode: .all) {
            guard token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides else { continue }
            let previous = token.previousToken(viewMode: .all)
            let spaceBefore = previous?.trailingTrivia.contains { $0.isSpaceOrTab } ?? false
            let spaceAfter = token.trailingTrivia.contains { $0.isSpaceOrTab }
            guard spaceBefore && spaceAfter else { continue }
            var offset = token.positionAfterSkippingLeadingTrivia.utf8Offset
            var message = "'=' must have consistent whitespace on both sides"
            if let previous {
                var position = previous.endPositionBeforeTrailingTrivia.utf8Offset
                for piece in previous.trailingTrivia {
                    if case .unexpectedText = piece {
                        offset = position
                        message = "invalid character in source file"  // swift-syntax's words for it
                        break
                    }
                    position += piece.sourceLength.utf8Length
                }
            }
            throw CellFailure(.syntax, message, at: offset)
        }
    }
}

extension OperatorError {
    /// Where the problem is: the operator the folder could not place.
    var location: AbsolutePosition {
        switch self {
        case .missingGroup(_, let node), .missingOperator(_, let node):
            return node.positionAfterSkippingLeadingTrivia
        case .incomparableOperators(_, _, let right, _):
            return right.positionAfterSkippingLeadingTrivia
        case .groupAlreadyExists, .operatorAlreadyExists:
            return AbsolutePosition(utf8Offset: 0)
        }
    }
}
