import SwiftSyntax

/// The bounds within which Swift source reaches swift-syntax and the recursive passes after it
/// (folding, checking, lowering, highlighting), so that each stays linear in the source and within
/// its thread's stack. A cell past them is refused at the place that went too far; a listing is
/// shown as plain text. Real cells are far inside every bound.
public enum SourceBounds {
    /// The largest cell or listing, in UTF-8 bytes.
    public static let maxBytes = 1 << 20
    /// How deep `(`, `[` and `{` may nest together.
    public static let maxNesting = 64
    /// How deep `[` may nest: swift-syntax 603 parses nested square brackets in time exponential
    /// in their depth (its lookahead tries array type and literal at each level: 16 levels take
    /// 0.1 s, 22 take 3 s, 40 never finish; found by the cell fuzzer).
    public static let maxBracketDepth = 12
    /// How deep the syntax tree may be (a level of brackets is several syntax levels): chains that
    /// nest without brackets (`a.b.c…`, `!!!…x`, `else if` after `else if`) are caught here.
    public static let maxTreeDepth = 1000
    /// How many binary operators one expression may hold (`1 + 1 + …`): folding them makes a tree
    /// as deep as they are many.
    public static let maxOperatorsPerExpression = 256

    /// Why source is out of bounds, and where (a UTF-8 offset).
    public struct Violation: Error, Equatable, Sendable {
        public let message: String
        public let offset: Int
    }

    /// The first violation found without parsing: size, and nesting of brackets outside comments
    /// and string literals.
    public static func checkText(_ code: String) -> Violation? {
        let bytes = Array(code.utf8)
        if bytes.count > maxBytes {
            return Violation(message: "the code is \(bytes.count) bytes long; the limit is \(maxBytes)", offset: 0)
        }
        var depth = 0, brackets = 0
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
                brackets += 1
                if brackets > maxBracketDepth {
                    return Violation(message: "square brackets nested more than \(maxBracketDepth) deep are not supported", offset: i)
                }
                if depth > maxNesting { return Violation(message: "brackets nested more than \(maxNesting) deep are not supported", offset: i) }
            case UInt8(ascii: "("), UInt8(ascii: "{"):
                depth += 1
                if depth > maxNesting { return Violation(message: "brackets nested more than \(maxNesting) deep are not supported", offset: i) }
            case UInt8(ascii: "]"):
                brackets = max(0, brackets - 1)
                depth = max(0, depth - 1)
            case UInt8(ascii: ")"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The first violation in a parsed (not yet folded) tree: depth and operators per expression.
    /// The walk keeps its own stack, so a tree too deep for recursion is measured safely.
    public static func checkTree(_ tree: some SyntaxProtocol) -> Violation? {
        var stack: [(Syntax, Int)] = [(Syntax(tree), 0)]
        while let (node, depth) = stack.popLast() {
            if depth > maxTreeDepth {
                return Violation(message: "the code nests more than \(maxTreeDepth) levels deep; split it into smaller expressions",
                                 offset: node.positionAfterSkippingLeadingTrivia.utf8Offset)
            }
            if let sequence = node.as(SequenceExprSyntax.self), sequence.elements.count > 2 * maxOperatorsPerExpression + 1 {
                return Violation(message: "an expression with more than \(maxOperatorsPerExpression) operators is not supported; "
                                 + "split it into smaller expressions",
                                 offset: sequence.positionAfterSkippingLeadingTrivia.utf8Offset)
            }
            for child in node.children(viewMode: .sourceAccurate).reversed() { stack.append((child, depth + 1)) }
        }
        return nil
    }
}
