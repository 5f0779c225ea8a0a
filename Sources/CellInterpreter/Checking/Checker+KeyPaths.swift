import SwiftParser
import SwiftSyntax

extension Checker {
    /// `\.name` where a function is expected (`people.map(\.name)`, `xs.sorted { … }` aside):
    /// Swift's key path as a function (SE-0249), checked and run as the closure `{ $0.name }`.
    /// The closure is parsed at the key path's own offset, so that an error in it (`\.nmae`)
    /// points where the key path is written, as swiftc's does. Key paths as values (`KeyPath<…>`,
    /// `[keyPath:]`) and key paths through subscripts or optionals are refused.
    func keyPathAsFunction(_ keyPath: KeyPathExprSyntax, _ s: inout SolverState) throws(CellFailure) -> TypedExpression {
        let position = pos(keyPath)
        guard keyPath.root == nil else {
            throw CellFailure(.unsupported, "key paths with a root type are not supported in cells; write '\\.property' or a closure",
                              at: position)
        }
        for c in keyPath.components {
            guard case .property(let p) = c.component, p.genericArgumentClause == nil, p.declName.argumentNames == nil else {
                throw CellFailure(.unsupported, "only key paths of properties ('\\.name.count') are supported in cells; write a closure",
                                  at: pos(c))
            }
        }
        guard position >= 4, let first = keyPath.components.first, first.period != nil else {
            throw CellFailure(.unsupported, "key paths are not supported here in cells; write a closure", at: position)
        }
        // The first property's name lands on the backslash, where swiftc reports an error in it.
        // `\.self` is the element itself.
        let path = keyPath.components.map(\.trimmedDescription).filter { $0 != ".self" }.joined()
        let text = String(repeating: " ", count: position - 4) + "{$0" + path + "}"
        let file = Parser.parse(source: text)
        guard let item = file.statements.first?.item, case .expr(let e) = item, let closure = e.as(ClosureExprSyntax.self),
              file.statements.count == 1 else {
            throw CellFailure(.unsupported, "key paths are not supported here in cells; write a closure", at: position)
        }
        return try generateClosure(closure, &s)
    }
}
