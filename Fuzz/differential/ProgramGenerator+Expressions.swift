// Typed expressions over the variables in scope: Int (with a bound on the magnitude, so no
// operation overflows), Double (literals typed by context mixed with Double values), Bool and
// String. Each comes with its precedence so that parentheses appear only where Swift needs them.

/// Swift's operator precedences, loosest first, as far as generated expressions use them.
enum Precedence: Int, Comparable {
    case ternary, disjunction, conjunction, comparison, nilCoalescing, additive, multiplicative, prefix, atom

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}

/// Generated expression text and what is known about its value.
struct Expr {
    var text: String
    var precedence: Precedence = .atom
    /// Int: the largest magnitude the value may have. String: the most characters.
    var bound: Int = 0
    /// True when the type does not depend on context: a subterm is a variable or a typed call
    /// such as `Double(n)` or `xs.count`. Expressions of literals only are typed by their context,
    /// and where there is none (a comparison, a prefix `-`, an overloaded initializer) they can
    /// be ambiguous to the type checker, more so with Foundation imported (NSNumber and Decimal
    /// are literal-expressible too): `2.5 < 3`, `-(21 + 1)` and `Double(-(-6))` do not compile.
    var isTyped = true

    init(_ text: String, _ precedence: Precedence = .atom, bound: Int = 0, isTyped: Bool = true) {
        self.text = text
        self.precedence = precedence
        self.bound = bound
        self.isTyped = isTyped
    }

    /// The text, parenthesized unless it is an atom (for `.method()` receivers and prefix operators).
    var atomText: String { precedence == .atom ? text : "(\(text))" }
}

extension ProgramBuilder {
    // MARK: Operators

    /// `l op r` at precedence `p`, parenthesizing operands as needed (comparisons do not chain;
    /// a right operand at the same precedence keeps its parentheses: `a - (b - c)`).
    func binary(_ l: Expr, _ op: String, _ r: Expr, _ p: Precedence) -> String {
        let left = l.precedence < p || (l.precedence == p && p == .comparison) || l.precedence == .ternary ? "(\(l.text))" : l.text
        let right = r.precedence <= p ? "(\(r.text))" : r.text
        return "\(left) \(op) \(right)"
    }

    /// An Int literal; negative ones are prefix expressions.
    func intLiteral(_ v: Int) -> Expr {
        Expr("\(v)", v < 0 ? .prefix : .atom, bound: abs(v), isTyped: false)
    }

    /// A Double literal in one of Swift's spellings (untyped: Double only by default or context).
    func doubleLiteral() -> Expr {
        let text = pick(["0.5", "1.5", "2.25", "0.1", "0.2", "0.3", "2.5", "3.75", "10.0", "0.125", "1e3", "2.5e-1",
                         "\(int(0...20)).\(int(0...9))", "\(int(0...99)).\(int(0...99))"])
        return Expr(text, .atom, isTyped: false)
    }

    // MARK: Int

    /// An Int expression whose magnitude is at most `limit`, nested at most `depth` operators deep.
    func intExpr(_ depth: Int = 2, limit: Int = ProgramBuilder.expressionLimit) -> Expr {
        if depth <= 0 || chance(0.3) { return intLeaf(limit: limit) }
        for _ in 0..<4 {
            if let e = intCompound(depth, limit: limit), e.bound <= limit { return e }
        }
        return intLeaf(limit: limit)
    }

    private func intCompound(_ depth: Int, limit: Int) -> Expr? {
        switch int(0...9) {
        case 0, 1:
            let l = intExpr(depth - 1, limit: limit), r = intExpr(depth - 1, limit: limit)
            return Expr(binary(l, "+", r, .additive), .additive, bound: l.bound + r.bound, isTyped: l.isTyped || r.isTyped)
        case 2:
            let l = intExpr(depth - 1, limit: limit), r = intExpr(depth - 1, limit: limit)
            return Expr(binary(l, "-", r, .additive), .additive, bound: l.bound + r.bound, isTyped: l.isTyped || r.isTyped)
        case 3, 4:
            let l = intExpr(depth - 1, limit: limit)
            let r = chance(0.6) ? intLiteral(int(-3...9)) : intExpr(depth - 1, limit: 100)
            guard l.bound <= limit, r.bound <= limit, l.bound * r.bound <= limit else { return nil }
            return Expr(binary(l, "*", r, .multiplicative), .multiplicative, bound: l.bound * r.bound, isTyped: l.isTyped || r.isTyped)
        case 5:
            let l = intExpr(depth - 1, limit: limit)
            let d = pick([2, 3, 4, 5, 7, 10, -2, -3])
            return Expr(binary(l, "/", intLiteral(d), .multiplicative), .multiplicative, bound: l.bound, isTyped: l.isTyped)
        case 6:
            let l = intExpr(depth - 1, limit: limit)
            let d = pick([2, 3, 5, 7, 10, -3])
            return Expr(binary(l, "%", intLiteral(d), .multiplicative), .multiplicative, bound: min(l.bound, abs(d) - 1), isTyped: l.isTyped)
        case 7:
            let a = intExpr(depth - 1, limit: limit), b = intExpr(depth - 1, limit: limit)
            let f = pick(["min", "max"])
            return Expr("\(f)(\(a.text), \(b.text))", bound: max(a.bound, b.bound), isTyped: a.isTyped || b.isTyped)
        case 8:
            let a = intExpr(depth - 1, limit: limit)
            if chance(0.5) { return Expr("abs(\(a.text))", bound: a.bound, isTyped: a.isTyped) }
            return a.isTyped ? Expr("-\(a.atomText)", .prefix, bound: a.bound) : intLiteral(-int(1...9))
        default:
            let c = boolExpr(depth - 1)
            let a = intExpr(depth - 1, limit: limit), b = intExpr(depth - 1, limit: limit)
            return Expr("(\(c.text) ? \(a.text) : \(b.text))", bound: max(a.bound, b.bound), isTyped: a.isTyped || b.isTyped)
        }
    }

    /// A literal, an Int variable, a count or an element of an array in scope.
    func intLeaf(limit: Int = ProgramBuilder.expressionLimit) -> Expr {
        let vars = visibleVariables
        var candidates: [() -> Expr] = [{ self.intLiteral(self.chance(0.85) ? self.int(0...30) : self.int(-9...(-1))) }]
        for v in vars {
            switch v.kind {
            case .int:
                if v.bound <= limit {
                    candidates.append { Expr(v.name, bound: v.bound) }
                    candidates.append { Expr(v.name, bound: v.bound) }
                } else {
                    let m = min(limit, 1000)
                    candidates.append { Expr("\(v.name) % \(m)", .multiplicative, bound: m - 1) }
                }
            case .string:
                if v.bound <= limit { candidates.append { Expr("\(v.name).count", bound: v.bound) } }
            case .intArray(let count):
                candidates.append { Expr("\(v.name).count", bound: count) }
                if count > 0 && v.bound <= limit {
                    candidates.append { Expr("\(v.name)[\(self.int(0...(count - 1)))]", bound: v.bound) }
                    if count * v.bound <= limit {
                        candidates.append { Expr("\(v.name).reduce(0, +)", bound: count * v.bound) }
                    }
                    candidates.append { Expr("(\(v.name).max() ?? 0)", bound: v.bound) }
                }
            default:
                break
            }
        }
        return pick(candidates)()
    }

    // MARK: Double

    /// A Double expression (in a Double context; see `Expr.isTyped` for others).
    func doubleExpr(_ depth: Int = 2) -> Expr {
        if depth <= 0 || chance(0.3) { return doubleLeaf() }
        switch int(0...9) {
        case 0, 1, 2:
            let l = doubleExpr(depth - 1), r = doubleExpr(depth - 1)
            let op = pick(["+", "-"])
            return Expr(binary(l, op, r, .additive), .additive, isTyped: l.isTyped || r.isTyped)
        case 3, 4:
            let l = doubleExpr(depth - 1), r = doubleExpr(depth - 1)
            return Expr(binary(l, "*", r, .multiplicative), .multiplicative, isTyped: l.isTyped || r.isTyped)
        case 5, 6:
            let l = doubleExpr(depth - 1)
            let r = chance(0.5) ? intLiteral(pick([2, 3, 4, 8, 10, -5])) : doubleLiteral()
            return Expr(binary(l, "/", r, .multiplicative), .multiplicative, isTyped: l.isTyped || r.isTyped)
        case 7:
            let a = doubleExpr(depth - 1), b = doubleExpr(depth - 1)
            let f = pick(["min", "max"])
            return Expr("\(f)(\(a.text), \(b.text))", isTyped: a.isTyped || b.isTyped)
        case 8:
            let a = doubleExpr(depth - 1)
            guard a.isTyped else { return Expr("-\(int(1...9)).5", .prefix, isTyped: false) }
            switch int(0...3) {
            case 0: return Expr("\(a.atomText).rounded()")
            case 1: return Expr("abs(\(a.text)).squareRoot()")
            case 2: return Expr("(\(binary(a, "*", intLiteral(100), .multiplicative))).rounded() / 100", .multiplicative)
            default: return Expr("abs(\(a.text))")
            }
        default:
            // Both branches typed: `(c ? 2.5 : 12) < 8` is ambiguous to the type checker.
            let c = boolExpr(depth - 1)
            let a = typedDoubleExpr(depth - 1), b = typedDoubleExpr(depth - 1)
            return Expr("(\(c.text) ? \(a.text) : \(b.text))")
        }
    }

    /// A Double expression with a typed subterm, so it is Double in any context.
    func typedDoubleExpr(_ depth: Int = 2) -> Expr {
        for _ in 0..<4 {
            let e = doubleExpr(depth)
            if e.isTyped { return e }
        }
        let l = doubleExpr(max(0, depth - 1))
        return Expr(binary(Expr("Double(\(int(0...20)))"), "+", l, .additive), .additive)
    }

    /// A literal (Double or integer), a Double variable, or an Int converted with `Double(_:)`.
    func doubleLeaf() -> Expr {
        var candidates: [() -> Expr] = [
            { self.doubleLiteral() },
            { self.intLiteral(self.int(0...12)) },
            {
                // `Double(-(-6))`: an Int expression of literals only is ambiguous here.
                let e = self.intExpr(1)
                return Expr("Double(\(e.isTyped ? e.text : String(self.int(0...30))))")
            },
        ]
        for v in visibleVariables {
            switch v.kind {
            case .double:
                candidates.append { Expr(v.name) }
                candidates.append { Expr(v.name) }
            case .int where v.bound <= ProgramBuilder.variableLimit:
                candidates.append { Expr("Double(\(v.name))") }
            case .intArray(let count) where count > 0:
                candidates.append { Expr("Double(\(v.name).count)") }
            default:
                break
            }
        }
        return pick(candidates)()
    }

    // MARK: Bool

    /// A Bool expression: comparisons, `&&`, `||`, `!`, Bool variables, string and array tests.
    func boolExpr(_ depth: Int = 2) -> Expr {
        if depth <= 0 || chance(0.4) { return boolLeaf() }
        switch int(0...4) {
        case 0, 1:
            let l = boolExpr(depth - 1), r = boolExpr(depth - 1)
            return Expr(binary(l, "&&", r, .conjunction), .conjunction)
        case 2, 3:
            let l = boolExpr(depth - 1), r = boolExpr(depth - 1)
            return Expr(binary(l, "||", r, .disjunction), .disjunction)
        default:
            let a = boolExpr(depth - 1)
            return Expr("!\(a.atomText)", .prefix)
        }
    }

    func boolLeaf() -> Expr {
        var candidates: [() -> Expr] = [
            {
                var l = self.intExpr(1), r = self.intExpr(1)
                for _ in 0..<3 where !l.isTyped && !r.isTyped { l = self.intExpr(1); r = self.intExpr(1) }
                return Expr(self.binary(l, self.pick(["<", "<=", ">", ">=", "==", "!="]), r, .comparison), .comparison)
            },
            {
                let l = self.intExpr(1)
                return Expr(self.binary(Expr(self.binary(l, "%", self.intLiteral(2), .multiplicative), .multiplicative),
                                        "==", self.intLiteral(0), .comparison), .comparison)
            },
            {
                let l = self.typedDoubleExpr(1), r = self.doubleExpr(1)
                return Expr(self.binary(l, self.pick(["<", ">", "<=", ">="]), r, .comparison), .comparison)
            },
        ]
        for v in visibleVariables {
            switch v.kind {
            case .bool:
                candidates.append { Expr(v.name) }
                candidates.append { Expr(v.name) }
            case .string:
                candidates.append {
                    switch self.int(0...4) {
                    case 0: return Expr("\(v.name).isEmpty")
                    case 1: return Expr("\(v.name).hasPrefix(\"\(self.pick(["a", "p", "b", "ma"]))\")")
                    case 2: return Expr("\(v.name).hasSuffix(\"\(self.pick(["e", "y", "s", "o"]))\")")
                    case 3: return Expr("\(v.name) < \"\(self.pick(ProgramBuilder.words))\"", .comparison)
                    default: return Expr("\(v.name) == \"\(self.pick(ProgramBuilder.words))\"", .comparison)
                    }
                }
            case .intArray:
                candidates.append {
                    self.chance(0.7) ? Expr("\(v.name).contains(\(self.int(-2...12)))") : Expr("\(v.name).isEmpty")
                }
            default:
                break
            }
        }
        return pick(candidates)()
    }

    // MARK: String

    /// A String expression; its bound is the most characters it may have.
    func stringExpr(_ depth: Int = 2) -> Expr {
        if depth <= 0 || chance(0.3) { return stringLeaf() }
        switch int(0...7) {
        case 0, 1:
            let l = stringExpr(depth - 1), r = stringExpr(depth - 1)
            return Expr(binary(l, "+", r, .additive), .additive, bound: l.bound + r.bound)
        case 2, 3:
            return interpolation()
        case 4:
            let a = stringExpr(depth - 1)
            return Expr("\(a.atomText).\(pick(["uppercased", "lowercased"]))()", bound: a.bound)
        case 5:
            let a = stringExpr(depth - 1)
            return Expr("String(\(a.atomText).reversed())", bound: a.bound)
        case 6:
            let a = stringExpr(depth - 1)
            let n = int(0...4)
            return Expr("String(\(a.atomText).\(pick(["prefix", "suffix", "dropFirst", "dropLast"]))(\(n)))", bound: a.bound)
        default:
            let w = pick(["ab", "-", "xy", "*"])
            let n = int(0...3)
            return Expr("String(repeating: \"\(w)\", count: \(n))", bound: w.count * n)
        }
    }

    /// A string literal, a String variable, or a number converted with `String(_:)`.
    func stringLeaf() -> Expr {
        var candidates: [() -> Expr] = [
            { let w = self.pick(ProgramBuilder.words); return Expr("\"\(w)\"", bound: w.count) },
            { Expr("String(\(self.intExpr(1).text))", bound: 12) },
        ]
        for v in visibleVariables where v.kind == .string {
            candidates.append { Expr(v.name, bound: v.bound) }
            candidates.append { Expr(v.name, bound: v.bound) }
        }
        return pick(candidates)()
    }

    /// `"…\(x)…"` with one to three interpolated values of any type.
    func interpolation() -> Expr {
        var text = pick(["", "v=", "[", "n: ", "total "])
        var bound = text.count
        for i in 0..<int(1...3) {
            if i > 0 {
                let sep = pick([", ", " ", "/", " and "])
                text += sep
                bound += sep.count
            }
            let part = interpolatedValue()
            text += "\\(\(part.text))"
            bound += part.bound
        }
        text += pick(["", "!", "]", "."])
        return Expr("\"\(text)\"", bound: bound + 1)
    }

    /// A value to interpolate: no string literals inside, so no quoting questions.
    private func interpolatedValue() -> Expr {
        switch int(0...4) {
        case 0, 1: return Expr(intExpr(1).text, bound: 12)
        case 2: return Expr(typedDoubleExpr(1).text, bound: 25)
        case 3: return Expr(boolExpr(1).text, bound: 5)
        default:
            let strings = visibleVariables.filter { $0.kind == .string }
            if let s = strings.isEmpty ? nil : pick(strings) { return Expr(s.name, bound: s.bound) }
            return Expr(intExpr(1).text, bound: 12)
        }
    }

    // MARK: Free-form statements

    /// Statements over the variables in scope: declarations, updates, prints, `if`/`else`.
    func emitFreeStatements(_ count: Int) {
        for _ in 0..<count {
            switch int(0...9) {
            case 0, 1: declareScalar()
            case 2, 3: updateScalar()
            case 4, 5: printSomething()
            case 6:
                let c = boolExpr()
                ifElse(c.text, then: { self.printSomething() }, else: chance(0.5) ? { self.printSomething() } : nil)
            case 7:
                let n = int(1...5)
                let i = fresh(["i", "j", "k", "step"])
                loop("for \(i) in 0..<\(n)", times: n) {
                    self.declare(Variable(name: i, kind: .int, bound: n, isMutable: false))
                    self.updateScalar(preferLoopSafe: true)
                }
            default: declareScalar()
            }
        }
    }

    /// `let`/`var` of an Int, Double, Bool or String.
    func declareScalar() {
        switch int(0...5) {
        case 0, 1:
            let e = intExpr()
            let mutable = chance(0.5)
            let name = fresh(["total", "score", "acc", "level", "steps", "width", "height", "offset", "delta", "amount", "n", "k", "m"])
            emit("\(mutable ? "var" : "let") \(name) = \(e.text)")
            declare(Variable(name: name, kind: .int, bound: e.bound, isMutable: mutable))
        case 2:
            let e = doubleExpr()
            let name = fresh(["ratio", "mean", "scale", "weight", "rate", "x", "y"])
            if e.isTyped && chance(0.5) {
                emit("let \(name) = \(e.text)")
            } else {
                emit("let \(name): Double = \(e.text)")
            }
            declare(Variable(name: name, kind: .double, bound: 0, isMutable: false))
        case 3:
            let e = boolExpr()
            let name = fresh(["flag", "ok", "done", "isBig", "found"])
            emit("let \(name) = \(e.text)")
            declare(Variable(name: name, kind: .bool, bound: 0, isMutable: false))
        default:
            let e = stringExpr()
            let mutable = chance(0.5)
            let name = fresh(["label", "word", "text", "name", "title", "tag"])
            emit("\(mutable ? "var" : "let") \(name) = \(e.text)")
            declare(Variable(name: name, kind: .string, bound: e.bound, isMutable: mutable))
        }
    }

    /// Changes a mutable Int (`+=`, `-=`, `*=`, `/=`, `%=`, `=`) or String (`+=`), keeping bounds.
    func updateScalar(preferLoopSafe: Bool = false) {
        let ints = mutableInts
        let strings = mutableStrings
        if !strings.isEmpty && (ints.isEmpty || chance(0.25)) {
            let s = pick(strings)
            let e = stringExpr(1)
            let grown = s.bound + repetitions * e.bound
            if grown <= 200 {
                emit("\(s.name) += \(e.text)")
                setBound(of: s.name, to: grown)
                return
            }
        }
        guard !ints.isEmpty else {
            printSomething()
            return
        }
        let v = pick(ints)
        switch int(0...5) {
        case 0, 1, 2:
            let e = intExpr(1, limit: 1000)
            let grown = v.bound + repetitions * e.bound
            if grown <= ProgramBuilder.variableLimit {
                emit("\(v.name) \(pick(["+=", "-="])) \(e.text)")
                setBound(of: v.name, to: grown)
            } else {
                emit("\(v.name) %= \(pick([7, 10, 100]))")
                setBound(of: v.name, to: 99)
            }
        case 3:
            let k = int(2...3)
            // In a loop the factor compounds: allow it only where it cannot overflow.
            var grown = v.bound
            for _ in 0..<min(repetitions, 40) { grown *= k; if grown > ProgramBuilder.variableLimit { break } }
            if repetitions <= 40 && grown <= ProgramBuilder.variableLimit {
                emit("\(v.name) *= \(k)")
                setBound(of: v.name, to: grown)
            } else {
                emit("\(v.name) /= \(k)")
            }
        case 4:
            emit("\(v.name) \(pick(["/=", "%="])) \(pick([2, 3, 5, 10]))")
        default:
            var e = intExpr(2)
            if e.text == v.name { e = intLiteral(int(0...9)) }
            emit("\(v.name) = \(e.text)")
            setBound(of: v.name, to: max(v.bound, e.bound))
        }
    }

    /// `print` of one to three expressions, or of an interpolated string.
    func printSomething() {
        if chance(0.3) {
            emit("print(\(interpolation().text))")
            return
        }
        var parts: [String] = []
        for _ in 0..<int(1...3) {
            switch int(0...5) {
            case 0, 1: parts.append(intExpr().text)
            case 2: parts.append(typedDoubleExpr().text)
            case 3: parts.append(boolExpr().text)
            case 4: parts.append(stringExpr().text)
            default:
                let vars = visibleVariables
                parts.append(vars.isEmpty ? intExpr().text : pick(vars).name)
            }
        }
        emit("print(\(parts.joined(separator: ", ")))")
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
