extension Checker {
    /// Applies a solution to a generated expression: every type made concrete, every overload
    /// choice and conversion put in place, and the rules that need the final types checked
    /// (assignments to constants, `try` on calls that can throw, literal ranges).
    func finalize(_ root: TypedExpression, _ solution: SolverState) throws(CellFailure) -> TypedExpression {
        var finalizer = Finalizer(checker: self, solution: solution)
        return try finalizer.expression(root)
    }
}

struct Finalizer {
    let checker: Checker
    let solution: SolverState
    /// Inside a `try`: calls that can throw are allowed.
    var tryDepth = 0

    var standard: StandardDeclarations { checker.standard }

    func resolve(_ type: CellType, at position: Int) throws(CellFailure) -> CellType {
        let t = solution.resolved(type)
        guard t.isResolved else {
            throw CellFailure(.type, "type of expression is ambiguous without a type annotation", at: position)
        }
        return t
    }

    mutating func expression(_ e: TypedExpression) throws(CellFailure) -> TypedExpression {
        e.type = try resolve(e.type, at: e.position)
        if case .optional(let wrapped) = e.type {
            switch e.kind {
            case .integerLiteral, .floatLiteral, .stringLiteral, .booleanLiteral:
                // A literal that took an optional type is its value, wrapped.
                let inner = try expression(TypedExpression(e.kind, type: wrapped, at: e.position))
                return TypedExpression(.conversion(inner, .injectIntoOptional(nil)), type: e.type, at: e.position)
            default: break
            }
        }
        switch e.kind {
        case .integerLiteral(let text):
            try checkIntegerLiteral(text, type: e.type, at: e.position)
        case .stringLiteral(let text):
            if e.type == .character, text.count != 1 {
                throw CellFailure(.type, "cannot convert value of type 'String' to specified type 'Character'", at: e.position)
            }
        case .floatLiteral, .booleanLiteral, .nilLiteral, .typeReference, .matchedValue, .operandValue:
            break
        case .interpolation(let segments):
            e.kind = .interpolation(try segments.map { (s) throws(CellFailure) -> InterpolationSegment in
                if case .value(let v) = s { return .value(try expression(v)) }
                return s
            })
        case .arrayLiteral(let items):
            e.kind = .arrayLiteral(try items.map { (i) throws(CellFailure) in try expression(i) })
            if case .array(let element) = e.type { e.kind = .arrayLiteral(try convertAll(e.kind, element)) }
            if case .set(let element) = e.type {
                if !checker.registry.isHashable(element) {
                    throw CellFailure(.type, "type '\(element)' does not conform to protocol 'Hashable'", at: e.position)
                }
                e.kind = .arrayLiteral(try convertAll(e.kind, element))
            }
        case .dictionaryLiteral(let pairs):
            guard case .dictionary(let k, let v) = e.type else { break }
            e.kind = .dictionaryLiteral(try pairs.map { (pair) throws(CellFailure) in
                (try convert(try expression(pair.0), to: k), try convert(try expression(pair.1), to: v))
            })
        case .tuple(let items):
            e.kind = .tuple(try items.map { (i) throws(CellFailure) in try expression(i) })
        case .variable, .selfValue, .superValue:
            break
        case .functionReference(let f, let args):
            e.kind = .functionReference(f, genericArguments: try args.map { (a) throws(CellFailure) in try resolve(a, at: e.position) })
        case .methodReference(let base, let f, let args):
            e.kind = .methodReference(base: try expression(base), f, genericArguments: try args.map { (a) throws(CellFailure) in try resolve(a, at: e.position) })
        case .call(let call):
            let finalized = try finalizeCall(call)
            try checkConstantArithmetic(finalized, at: e.position)
            e.kind = .call(finalized)
        case .callValue(let callee, let arguments):
            let c = try expression(callee)
            guard case .function(let fn) = c.type else {
                throw CellFailure(.type, "cannot call value of non-function type '\(c.type)'", at: e.position)
            }
            if fn.throws && tryDepth == 0 {
                throw CellFailure(.type, "call can throw but is not marked with 'try'", at: e.position)
            }
            var args: [TypedExpression] = []
            for (i, a) in arguments.enumerated() {
                let p = fn.parameters[min(i, fn.parameters.count - 1)]
                if case .inoutArgument(let target) = a.kind {
                    let t = try expression(target)
                    try checkMutable(t, use: .inoutArgument)
                    a.kind = .inoutArgument(t)
                    a.type = t.type
                    args.append(a)
                } else {
                    args.append(try convert(try expression(a), to: p.type))
                }
            }
            e.kind = .callValue(callee: c, arguments: args)
        case .property(let base, let p):
            e.kind = .property(base: try base.map { (b) throws(CellFailure) in try expression(b) }, p)
        case .tupleElement(let base, let i):
            e.kind = .tupleElement(try expression(base), i)
        case .enumCase(let c, let payload):
            e.kind = .enumCase(c, payload: try payload.map { (p) throws(CellFailure) in try p.map { (x) throws(CellFailure) in try expression(x) } })
        case .subscriptGet(let base, let sub, let arguments, let args):
            e.kind = .subscriptGet(base: try expression(base), sub, arguments: arguments, genericArguments: args)
        case .assign(let target, let value):
            let t = try expression(target)
            try checkMutable(t, use: .assign)
            e.kind = .assign(target: t, value: try expression(value))
        case .compoundAssign(let target, let operation):
            let t = try expression(target)
            try checkMutable(t, use: .mutatingOperator(at: operation.position))
            e.kind = .compoundAssign(target: t, operation: try expression(operation))
        case .tupleAssign(let targets, let value):
            var ts: [TypedExpression?] = []
            for target in targets {
                if let target {
                    let t = try expression(target)
                    try checkMutable(t, use: .assign)
                    ts.append(t)
                } else {
                    ts.append(nil)
                }
            }
            e.kind = .tupleAssign(targets: ts, value: try expression(value))
        case .ternary(let c, let a, let b):
            e.kind = .ternary(try expression(c), try expression(a), try expression(b))
        case .statementExpression(let s):
            e.kind = .statementExpression(try statement(s))
        case .closure(let c):
            try closure(c)
        case .forceUnwrap(let inner):
            e.kind = .forceUnwrap(try expression(inner))
        case .optionalChain(let inner):
            e.kind = .optionalChain(try expression(inner))
        case .bindOptional(let inner):
            e.kind = .bindOptional(try expression(inner))
        case .nilCoalescing(let a, let b):
            e.kind = .nilCoalescing(try expression(a), try expression(b))
        case .tryExpression(let inner, let kind):
            tryDepth += 1
            defer { tryDepth -= 1 }
            e.kind = .tryExpression(try expression(inner), kind)
        case .conversion(let inner, let c):
            e.kind = .conversion(try expression(inner), c)
        case .typeCheck(let inner, let t):
            e.kind = .typeCheck(try expression(inner), t)
        case .cast(let inner, let t, let forced):
            e.kind = .cast(try expression(inner), t, forced: forced)
        case .typeOf(let inner):
            e.kind = .typeOf(try expression(inner))
        case .inoutArgument(let target):
            let t = try expression(target)
            try checkMutable(t, use: .inoutArgument)
            e.kind = .inoutArgument(t)
        case .logicalAnd(let a, let b):
            e.kind = .logicalAnd(try expression(a), try expression(b))
        case .logicalOr(let a, let b):
            e.kind = .logicalOr(try expression(a), try expression(b))
        case .logicalNot(let a):
            e.kind = .logicalNot(try expression(a))
        case .pending(let node):
            let resolved = try pending(e, node)
            if case .call(let call) = resolved.kind { try checkConstantArithmetic(call, at: resolved.position) }
            return resolved
        case .conversionSite(let inner, let to):
            let target = try resolve(to, at: e.position)
            let value = try expression(inner)
            if target == .void, value.type != .void, value.type != .never {
                return TypedExpression(.conversion(value, .discard), type: .void, at: e.position)
            }
            return try convert(value, to: target)
        }
        return e
    }

    private mutating func convertAll(_ kind: TypedExpression.Kind, _ element: CellType) throws(CellFailure) -> [TypedExpression] {
        guard case .arrayLiteral(let items) = kind else { return [] }
        return try items.map { (i) throws(CellFailure) in try convert(i, to: element) }
    }

    // MARK: Statements inside expressions (if/switch expressions, closure bodies checked inline)

    mutating func statement(_ s: TypedStatement) throws(CellFailure) -> TypedStatement {
        switch s {
        case .ifStatement(let clauses, let orElse):
            var out: [(conditions: [TypedCondition], body: [TypedStatement])] = []
            for clause in clauses {
                out.append((clause.conditions, try clause.body.map { (b) throws(CellFailure) in try statement(b) }))
            }
            return .ifStatement(out, orElse: try orElse.map { (b) throws(CellFailure) in try b.map { (x) throws(CellFailure) in try statement(x) } })
        case .switchStatement(let label, let subject, let cases):
            var out: [TypedSwitchCase] = []
            for c in cases {
                var copy = c
                copy.body = try c.body.map { (b) throws(CellFailure) in try statement(b) }
                out.append(copy)
            }
            return .switchStatement(label: label, subject: subject, cases: out)
        case .yieldValue(let e):
            return .yieldValue(try expression(e))
        default:
            return s
        }
    }

    private mutating func closure(_ c: ClosureExpression) throws(CellFailure) {
        for i in c.captureList.indices {
            c.captureList[i].value = try expression(c.captureList[i].value)
            c.captureList[i].variable.type = try resolve(c.captureList[i].variable.type, at: c.captureList[i].variable.position)
        }
        var parameters: [ParameterType] = []
        for (v, p) in zip(c.parameters, c.type.parameters) {
            if case .variable(let id) = p.type, solution.inoutClosureParameters.contains(id) {
                v.isInout = true
                v.isMutable = true
            }
            v.type = try resolve(p.type, at: v.position)
            parameters.append(ParameterType(v.type, isInout: v.isInout))
        }
        c.type = FunctionType(parameters: parameters, result: try resolve(c.type.result, at: c.context.parent == nil ? 0 : (c.parameters.first?.position ?? 0)),
                              throws: c.type.throws)
        c.context.resultType = c.type.result
        if let single = c.singleExpression {
            let savedTry = tryDepth
            tryDepth = 0
            defer { tryDepth = savedTry }
            let body = try expression(single)
            c.singleExpression = body
        } else if let id = c.bodyID {
            guard let box = solution.closureBodies[id] as? ClosureBodyBox else {
                throw CellFailure(.type, "unable to infer the closure's type in the current context", at: c.parameters.first?.position ?? 0)
            }
            c.body = box.statements
        }
    }

    // MARK: Overload choices

    private mutating func pending(_ e: TypedExpression, _ node: PendingNode) throws(CellFailure) -> TypedExpression {
        guard let index = solution.choices[node.point],
              let candidates = node.candidates ?? solution.memberCandidates[node.point], index < candidates.count else {
            throw CellFailure(.type, "ambiguous use of '\(node.name)'", at: e.position)
        }
        let candidate = candidates[index]
        let base = try node.base.map { (b) throws(CellFailure) in try expression(b) }
        let genericArguments = try candidate.genericArguments.map { (a) throws(CellFailure) -> CellType in
            let t = solution.resolved(a)
            if !t.isResolved, case .variable(let v) = solution.shallow(a), case .genericParameter(let name) = solution.origins[v] {
                throw CellFailure(.type, "generic parameter '\(name)' could not be inferred", at: e.position)
            }
            return try resolve(a, at: e.position)
        }
        switch node.shape {
        case .call(let arguments, _), .operatorCall(let arguments):
            return try call(e, node, candidate, base: base, arguments: arguments, genericArguments: genericArguments)
        case .subscriptGet(let arguments):
            guard case .subscript(let sub) = candidate.target, let base else { throw CellFailure(.type, "internal: subscript", at: e.position) }
            let values = try callArguments(candidate, parameters: sub.parameters, arguments: arguments, at: e.position)
            e.kind = .subscriptGet(base: base, sub, arguments: values, genericArguments: genericArguments)
            return e
        case .member:
            switch candidate.target {
            case .property(let p):
                if p.isStatic || base.map({ if case .typeReference = $0.kind { return true }; return false }) ?? true {
                    e.kind = .property(base: nil, p)
                    staticPropertyOwner(e, candidate)
                } else {
                    e.kind = .property(base: base, p)
                }
                if candidate.throughOptional { return try convert(e, to: e.type) }
            case .function(let f), .requirement(let f):
                if let base, !f.isStatic, !isTypeReference(base) {
                    if f.isMutating {
                        throw CellFailure(.type, "cannot reference 'mutating' method as function value", at: e.position)
                    }
                    e.kind = .methodReference(base: base, f, genericArguments: genericArguments)
                } else {
                    e.kind = .functionReference(f, genericArguments: genericArguments)
                }
            case .enumCase(let c):
                e.kind = .enumCase(c, payload: nil)
            case .tupleElement(let i):
                guard let base else { throw CellFailure(.type, "internal: tuple element", at: e.position) }
                e.kind = .tupleElement(base, i)
            case .type(let t):
                e.kind = .typeReference(t)
            default:
                throw CellFailure(.unsupported, "this member cannot be used as a value in cells", at: e.position)
            }
            return e
        }
    }

    private func isTypeReference(_ e: TypedExpression) -> Bool {
        if case .typeReference = e.kind { return true }
        return false
    }

    private func staticPropertyOwner(_ e: TypedExpression, _ candidate: OverloadCandidate) {}

    private mutating func call(_ e: TypedExpression, _ node: PendingNode, _ candidate: OverloadCandidate, base: TypedExpression?,
                               arguments: [TypedExpression], genericArguments: [CellType]) throws(CellFailure) -> TypedExpression {
        switch candidate.target {
        case .function(let f), .requirement(let f):
            let values = try callArguments(candidate, parameters: f.parameters, arguments: arguments, at: e.position)
            try checkThrowing(f, values, at: e.position)
            let callee: Callee
            if node.name == "self.init" || node.name == "super.init" {
                callee = .delegatingInitializer(f, isSuper: node.name == "super.init")
            } else if f.isInitializer {
                let type: CellType
                if let base, case .typeReference(let t) = base.kind { type = t } else { type = try resolve(candidate.baseType ?? e.type, at: e.position) }
                let instanceType: CellType
                if case .metatype(let t) = type { instanceType = t } else { instanceType = type }
                callee = .initializer(try resolve(instanceType.isOptional && f.isFailableInitializer ? instanceType : instanceType, at: e.position), f)
            } else if let base, !f.isStatic, !isTypeReference(base) {
                if f.isMutating, !isValueOfClass(base.type) { try checkMutable(base, use: .mutatingCall(f.name)) }
                let dispatch: Dispatch
                if case .requirement = candidate.target { dispatch = .witness } else if f.vtableIndex != nil && !f.isFinal { dispatch = .virtual } else { dispatch = .direct }
                callee = .method(base: base, f, dispatch)
            } else {
                callee = .function(f)
            }
            e.kind = .call(Call(callee: callee, arguments: values, genericArguments: genericArguments, position: e.position))
            if candidate.throughOptional { return try convert(e, to: e.type) }
            return e
        case .enumCase(let c):
            let parameters = (c.payload ?? []).enumerated().map { i, p in
                ParameterDecl(label: p.label, name: p.label ?? "_", type: p.type, defaultValue: c.payloadDefaults[i])
            }
            let values = try callArguments(candidate, parameters: parameters, arguments: arguments, at: e.position)
            e.kind = .call(Call(callee: .enumCase(c, try resolve(candidate.baseType ?? e.type, at: e.position)), arguments: values,
                                genericArguments: genericArguments, position: e.position))
            if candidate.throughOptional { return try convert(e, to: e.type) }
            return e
        case .property(let p):
            // A property holding a function, called.
            let callee = TypedExpression(.property(base: p.isStatic ? nil : base, p), type: try resolve(candidate.resultType, at: e.position), at: e.position)
            e.kind = .callValue(callee: callee, arguments: arguments)
            return try expression(e)
        case .tupleElement(let i):
            guard let base else { throw CellFailure(.type, "internal: tuple call", at: e.position) }
            let callee = TypedExpression(.tupleElement(base, i), type: try resolve(candidate.resultType, at: e.position), at: e.position)
            e.kind = .callValue(callee: callee, arguments: arguments)
            return try expression(e)
        default:
            throw CellFailure(.unsupported, "this call is not supported in cells", at: e.position)
        }
    }

    private func isValueOfClass(_ type: CellType) -> Bool {
        if case .nominal(let d, _) = type { return d.isClass }
        if case .parameter(let p) = type { return p.superclass != nil }
        return false
    }

    /// A call of a cell's function that can throw needs a `try` around it.
    private func checkThrowing(_ f: FunctionDecl, _ values: [CallArgumentValue], at position: Int) throws(CellFailure) {
        guard tryDepth == 0 else { return }
        var throwsHere = false
        if f.isRethrowing {
            for v in values {
                guard case .value(var a) = v else { continue }
                // The argument as written, before its conversion to the parameter's throwing type.
                while case .conversion(let inner, _) = a.kind { a = inner }
                if case .function(let fn) = a.type, fn.throws { throwsHere = true }
            }
        } else if f.isThrowing {
            if case .cell = f.implementation { throwsHere = true }
            if f.isRequirement { throwsHere = true }
        }
        if throwsHere {
            throw CellFailure(.type, "call can throw but is not marked with 'try'", at: position,
                              notes: ["did you mean to use 'try'?"])
        }
    }

    /// Each parameter's argument, converted to its type (or its default, or the variadic list).
    private mutating func callArguments(_ candidate: OverloadCandidate, parameters: [ParameterDecl], arguments: [TypedExpression],
                                        at position: Int) throws(CellFailure) -> [CallArgumentValue] {
        guard let mapping = candidate.argumentMapping else { return [] }
        var out: [CallArgumentValue] = []
        for (pi, p) in parameters.enumerated() {
            let type = try resolve(candidate.parameterTypes[pi], at: position)
            let indices = pi < mapping.count ? mapping[pi] : []
            if indices.isEmpty {
                if p.isVariadic {
                    out.append(.variadic([]))
                } else if let d = p.defaultValue, p.isAutoclosure, case .function(let fn) = type {
                    // An @autoclosure's default is a value of the closure's result type.
                    try checker.checkDefault(d, type: fn.result)
                    guard let e = d.expression else { throw CellFailure(.runtime, "internal error: default '\(d.text)' not checked", at: position) }
                    out.append(.autoclosure(e))
                } else if let d = p.defaultValue {
                    try checker.checkDefault(d, type: type)
                    out.append(.defaulted(d, parameterType: type))
                } else {
                    throw CellFailure(.type, "missing argument for parameter '\(p.name)' in call", at: position)
                }
                continue
            }
            if p.isVariadic {
                out.append(.variadic(try indices.map { (i) throws(CellFailure) in try convert(try expression(arguments[i]), to: type) }))
                continue
            }
            let argument = arguments[indices[0]]
            if p.isInout {
                guard case .inoutArgument(let target) = argument.kind else {
                    throw CellFailure(.type, "passing value of type '\(type)' to an inout parameter requires explicit '&'", at: argument.position)
                }
                let t = try expression(target)
                try checkMutable(t, use: .inoutArgument)
                out.append(.inoutPlace(t))
                continue
            }
            if p.isAutoclosure, case .function(let fn) = type {
                out.append(.autoclosure(try convert(try expression(argument), to: fn.result)))
                continue
            }
            out.append(.value(try convert(try expression(argument), to: type)))
        }
        return out
    }

    private mutating func finalizeCall(_ call: Call) throws(CellFailure) -> Call {
        var copy = call
        copy.arguments = try call.arguments.map { (a) throws(CellFailure) -> CallArgumentValue in
            switch a {
            case .value(let e): return .value(try expression(e))
            case .variadic(let es): return .variadic(try es.map { (x) throws(CellFailure) in try expression(x) })
            case .inoutPlace(let e): return .inoutPlace(try expression(e))
            case .autoclosure(let e): return .autoclosure(try expression(e))
            case .defaulted: return a
            }
        }
        copy.genericArguments = try call.genericArguments.map { (t) throws(CellFailure) in try resolve(t, at: call.position) }
        return copy
    }

    // MARK: Conversions

    /// The value converted to `target` (nothing to do when the types agree).
    func convert(_ e: TypedExpression, to target: CellType) throws(CellFailure) -> TypedExpression {
        if e.type == target { return e }
        if case .never = e.type { return e }
        guard let c = conversion(from: e.type, to: target) else {
            throw CellFailure(.type, "cannot convert value of type '\(e.type)' to '\(target)'", at: e.position)
        }
        return TypedExpression(.conversion(e, c), type: target, at: e.position)
    }

    func conversion(from: CellType, to: CellType) -> Conversion? {
        if from == to { return nil }
        switch (from, to) {
        case (.optional(let a), .optional(let b)):
            if let inner = conversion(from: a, to: b) { return .optionalMap(inner) }
            return nil
        case (_, .optional(let w)):
            return .injectIntoOptional(conversion(from: from, to: w))
        case (.existential, .existential):
            return .existentialToExistential
        case (_, .existential):
            return .erase(from: from)
        case (.nominal(let a, _), .nominal(let b, _)) where a.isClass && b.isClass:
            return .upcast
        case (.array(let a), .array(let b)):
            return conversion(from: a, to: b).map { .arrayElements($0) }
        case (.set(let a), .set(let b)):
            return conversion(from: a, to: b).map { .setElements($0) }
        case (.dictionary(_, let a), .dictionary(_, let b)):
            return conversion(from: a, to: b).map { .dictionaryValues($0) }
        case (.tuple(let a), .tuple(let b)) where a.count == b.count:
            return .tupleElements(zip(a, b).map { conversion(from: $0.type, to: $1.type) })
        case (.function(let f), .function(let g)):
            if f.parameters.count != g.parameters.count {
                return .function(parameters: [], result: conversion(from: f.result, to: g.result))
            }
            return .function(parameters: zip(f.parameters, g.parameters).map { conversion(from: $1.type, to: $0.type) },
                             result: conversion(from: f.result, to: g.result))
        case (.parameter(let p), _) where p.superclass != nil:
            return .upcast
        default:
            return nil
        }
    }

    // MARK: Checks

    /// Int arithmetic swiftc evaluates while compiling: a division by the literal 0, and an
    /// operation on two literals whose result does not fit, are refused before the cell runs.
    private func checkConstantArithmetic(_ call: Call, at position: Int) throws(CellFailure) {
        guard case .function(let f) = call.callee, let intrinsic = f.intrinsic, call.arguments.count == 2,
              case .value(let lhs) = call.arguments[0], case .value(let rhs) = call.arguments[1] else { return }
        func literal(_ e: TypedExpression) -> Int? {
            if case .integerLiteral(let text) = e.kind, e.type == .int { return parseIntegerLiteral(text) }
            return nil
        }
        if intrinsic == .intDivide || intrinsic == .intRemainder, literal(rhs) == 0 {
            throw CellFailure(.type, "division by zero", at: position)
        }
        guard let a = literal(lhs), let b = literal(rhs) else { return }
        let symbol: String, overflow: Bool
        switch intrinsic {
        case .intAdd: (symbol, overflow) = ("+", a.addingReportingOverflow(b).overflow)
        case .intSubtract: (symbol, overflow) = ("-", a.subtractingReportingOverflow(b).overflow)
        case .intMultiply: (symbol, overflow) = ("*", a.multipliedReportingOverflow(by: b).overflow)
        default: return
        }
        if overflow {
            throw CellFailure(.type, "arithmetic operation '\(a) \(symbol) \(b)' (on type 'Int') results in an overflow", at: position)
        }
    }

    private func checkIntegerLiteral(_ text: String, type: CellType, at position: Int) throws(CellFailure) {
        guard type == .int else { return }
        if parseIntegerLiteral(text) == nil {
            throw CellFailure(.type, "integer literal '\(text)' overflows when stored into 'Int'", at: position)
        }
    }

    enum MutableUse {
        case assign
        /// `x += 1`: reported at the operator, as swiftc does.
        case mutatingOperator(at: Int)
        case inoutArgument
        case mutatingCall(String)
    }

    /// An assignment, `&x` or mutating call needs a variable (or a path into one) it may change.
    /// `self.x = …` in an initializer of x's own type sets a `let` property (its one write).
    private func initializes(_ p: PropertyDecl, through base: TypedExpression?) -> Bool {
        guard case .initializer(let f) = checker.scope.function.kind, let owner = f.owner, p.owner === owner, !p.isStatic else { return false }
        guard let base else { return true }
        if case .selfValue = base.kind { return true }
        if case .variable(let v) = base.kind, v.isSelf { return true }
        return false
    }

    func checkMutable(_ target: TypedExpression, use: MutableUse) throws(CellFailure) {
        func refuse(_ name: String, _ reason: String, note: String? = nil) -> CellFailure {
            let message: String
            var position = target.position
            switch use {
            case .assign:
                message = "cannot assign to value: '\(name)' is \(reason)"
            case .mutatingOperator(let at):
                message = "left side of mutating operator isn't mutable: '\(name)' is \(reason)"
                position = at
            case .inoutArgument:
                message = "cannot pass immutable value as inout argument: '\(name)' is \(reason)"
            case .mutatingCall(let member):
                message = "cannot use mutating member on immutable value: '\(name)' is \(reason)"
                _ = member
            }
            return CellFailure(.type, message, at: position, notes: note.map { [$0] } ?? [])
        }
        switch target.kind {
        case .variable(let v):
            if v.isMutable || v.isDeferredInitialization { return }
            if v.isSelf { throw refuse("self", "immutable", note: "mark method 'mutating' to make 'self' mutable") }
            if v.isCaptureListEntry { throw refuse(v.name, "an immutable capture") }
            throw refuse(v.name, "a 'let' constant", note: "change 'let' to 'var' to make it mutable")
        case .selfValue(let v):
            if v.isMutable { return }
            if case .nominal(let d, _) = v.type, d.isClass, case .assign = use {
                throw CellFailure(.type, "cannot assign to value: 'self' is immutable", at: target.position)
            }
            if case .nominal(let d, _) = v.type, d.isClass { return }
            throw refuse("self", "immutable", note: "mark method 'mutating' to make 'self' mutable")
        case .property(let base, let p):
            if !p.isSettable, case .stored = p.storage, initializes(p, through: base) { return }
            if !p.isSettable {
                if case .stored = p.storage {
                    throw CellFailure(.type, "cannot assign to property: '\(p.name)' is a 'let' constant", at: target.position,
                                      notes: ["change 'let' to 'var' to make it mutable"])
                }
                throw CellFailure(.type, "cannot assign to property: '\(p.name)' is a get-only property", at: target.position)
            }
            guard let base else { return }
            if isValueOfClass(base.type) { return }
            if case .existential = base.type { return }
            try checkMutable(base, use: use)
        case .subscriptGet(let base, let sub, _, _):
            if sub.setter == nil {
                throw CellFailure(.type, "cannot assign through subscript: subscript is get-only", at: target.position)
            }
            if isValueOfClass(base.type) { return }
            do { try checkMutable(base, use: use) } catch {
                if case .variable(let v) = base.kind {
                    throw CellFailure(.type, "cannot assign through subscript: '\(v.name)' is a 'let' constant", at: target.position,
                                      notes: ["change 'let' to 'var' to make it mutable"])
                }
                throw error
            }
        case .tupleElement(let base, _), .forceUnwrap(let base):
            try checkMutable(base, use: use)
        case .conversion(let inner, _):
            try checkMutable(inner, use: use)
        case .optionalChain(let inner), .bindOptional(let inner):
            // `list?.append(x)`, `p?.x = 1`: written in place when the optional holds a value.
            try checkMutable(inner, use: use)
        default:
            throw CellFailure(.type, "cannot assign to this expression", at: target.position)
        }
    }
}

/// An integer literal's value (with `_`, `0x`, `0o`, `0b` and a leading `-`), or nil if it does not fit in Int.
func parseIntegerLiteral(_ text: String) -> Int? {
    var t = text.replacingOccurrences(of: "_", with: "")
    var negative = false
    if t.hasPrefix("-") { negative = true; t.removeFirst() }
    var radix = 10
    if t.hasPrefix("0x") { radix = 16; t.removeFirst(2) } else if t.hasPrefix("0o") { radix = 8; t.removeFirst(2) } else if t.hasPrefix("0b") { radix = 2; t.removeFirst(2) }
    guard let magnitude = UInt(t, radix: radix) else { return nil }
    if negative {
        if magnitude == UInt(Int.max) + 1 { return Int.min }
        guard magnitude <= UInt(Int.max) else { return nil }
        return -Int(magnitude)
    }
    guard magnitude <= UInt(Int.max) else { return nil }
    return Int(magnitude)
}

/// A literal's value as a Double (decimal or hexadecimal, with `_`).
func parseFloatLiteral(_ text: String) -> Double? {
    let t = text.replacingOccurrences(of: "_", with: "")
    if let d = Double(t) { return d }
    if let i = parseIntegerLiteral(t) { return Double(i) }
    // An integer literal too large for Int, used as a Double.
    var digits = t
    var negative = false
    if digits.hasPrefix("-") { negative = true; digits.removeFirst() }
    var radix = 10
    if digits.hasPrefix("0x") { radix = 16; digits.removeFirst(2) } else if digits.hasPrefix("0o") { radix = 8; digits.removeFirst(2) } else if digits.hasPrefix("0b") { radix = 2; digits.removeFirst(2) }
    var value = 0.0
    for ch in digits {
        guard let d = ch.hexDigitValue, d < radix else { return nil }
        value = value * Double(radix) + Double(d)
    }
    return negative ? -value : value
}

extension Checker {
    /// Checks a default argument the first time a call leaves it out.
    func checkDefault(_ d: DefaultArgument, type: CellType) throws(CellFailure) {
        guard d.expression == nil, d.propertyDefault == nil else { return }
        guard let syntax = d.syntax ?? registry.defaultSyntax(d.text) else {
            throw CellFailure(.type, "the default value '\(d.text)' cannot be read", at: 0)
        }
        let saved = scope
        scope = session.rootScope
        defer { scope = saved }
        d.expression = try checkExpression(syntax, contextual: type, site: .argument)
    }
}
