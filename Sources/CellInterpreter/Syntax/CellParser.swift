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
        if let v = SourceBounds.checkText(code) { throw CellFailure(.unsupported, v.message + " in cells", at: v.offset) }
        let tree = Parser.parse(source: code)
        if let v = SourceBounds.checkTree(tree) { throw CellFailure(.unsupported, v.message, at: v.offset) }
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
