// One function per language feature: each emits a self-contained chunk (its declarations, then
// code that uses them and prints), choosing among templates and filling them with random
// names, literals and expressions. Some chunks leave variables in scope for later code.

extension ProgramBuilder {
    // MARK: Helpers

    /// `[1, -2, 3]`.
    func literal(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

    /// `["a", "b"]`.
    func literal(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    /// Runs `count` distinct templates out of `templates`, in their original order.
    func some(_ count: Int, of templates: [() -> Void]) {
        let chosen = Set(shuffled(Array(templates.indices)).prefix(count))
        for i in templates.indices where chosen.contains(i) { templates[i]() }
    }

    /// A small Int array literal's values.
    func smallInts(_ count: ClosedRange<Int> = 2...6, in range: ClosedRange<Int> = -9...20) -> [Int] {
        (0..<int(count)).map { _ in int(range) }
    }

    // MARK: Numbers

    /// Int, Double and Bool variables, arithmetic (including `/` and `%` of negatives),
    /// comparisons, `if`/`else if`/`else` and the ternary operator.
    func emitNumbers() {
        let a = fresh(["a", "n", "count1", "value"]), av = int(-20...60)
        emit("var \(a) = \(av)")
        declare(Variable(name: a, kind: .int, bound: abs(av), isMutable: true))
        some(int(2...4), of: [
            {
                let d = self.pick([2, 3, 4, 5, 7])
                self.emit("print(\(a) / \(d), \(a) % \(d), -\(a) / \(d), (-\(a)) % \(d))")
            },
            { self.emitFreeStatements(self.int(1...3)) },
            {
                let x = self.int(1...30), y = self.pick([2, 3, 4, 7])
                self.emit("print(\(x) / \(y), \(x) % \(y), -\(x) / \(y), \(x).0 / \(y), Double(\(x)) / \(y))")
            },
            {
                let hi = self.int(5...30), lo = self.int(-5...4)
                self.emit("if \(a) > \(hi) {")
                self.nested { self.emit("print(\"big\", \(a))") }
                self.emit("} else if \(a) > \(lo) {")
                self.nested { self.emit("print(\"medium\", \(a) * 2)") }
                self.emit("} else {")
                self.nested { self.emit("print(\"small\")") }
                self.emit("}")
            },
            {
                let s = self.fresh(["sign", "kind", "mood"])
                self.emit("let \(s) = \(a) < 0 ? \"negative\" : (\(a) == 0 ? \"zero\" : \"positive\")")
                self.emit("print(\(s))")
                self.declare(Variable(name: s, kind: .string, bound: 8, isMutable: false))
            },
            {
                let p = self.fresh(["p", "isOdd", "flagA"]), q = self.fresh(["q", "isSmall", "flagB"])
                self.emit("let \(p) = \(self.boolExpr().text)")
                self.emit("let \(q) = \(self.boolExpr().text)")
                self.emit("print(\(p) && \(q), \(p) || !\(q), !(\(p) && \(q)) == (!\(p) || !\(q)), \(p) != \(q))")
                self.declare(Variable(name: p, kind: .bool, bound: 0, isMutable: false))
            },
            {
                let d = self.fresh(["d", "real", "measure"])
                self.emit("let \(d): Double = \(self.doubleExpr().text)")
                self.emit("print(\(d), \(d) * 2, \(d) / 3, -\(d), \(d) > 1)")
                self.declare(Variable(name: d, kind: .double, bound: 0, isMutable: false))
            },
            {
                self.emit("print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.0 / 3, 2.0 / 3 * 3, 1e16 + 1, 100.0, 1.5e-7)")
            },
            {
                self.emit("print(\(a).signum(), abs(\(a) - 7), max(\(a), 3, -2), min(\(a), 0), \(a) == \(a) / 2 * 2)")
            },
            {
                self.emit("print(Int.max / 2 > \(a), Int.min < 0, (\(a) & 7), \(a) << 2, \(a) >> 1, \(a) ^ 5, ~\(a))")
            },
        ])
    }

    // MARK: Literal contexts

    /// Integer literals that Swift types as Double because of their context: annotations,
    /// parameters, array element types, and a Double literal elsewhere in the expression.
    func emitLiteralContexts() {
        some(int(3...6), of: [
            {
                let x = self.fresh(["x", "third", "part"])
                self.emit("let \(x): Double = \(self.int(1...9)) / \(self.pick([2, 3, 4, 7, 8]))")
                self.emit("print(\(x))")
                self.declare(Variable(name: x, kind: .double, bound: 0, isMutable: false))
            },
            {
                let y = self.fresh(["y", "product", "mix"])
                self.emit("let \(y) = \(self.int(1...9)) / \(self.pick([2, 4, 5])) * \(self.doubleLiteral().text)")
                self.emit("print(\(y))")
                self.declare(Variable(name: y, kind: .double, bound: 0, isMutable: false))
            },
            {
                let arr = self.fresh(["grid", "cells", "buffer"]), n = self.int(2...5)
                let i = self.fresh(["i", "index"])
                self.emit("var \(arr) = [Double](repeating: 0, count: \(n))")
                self.loop("for \(i) in 0..<\(n)", times: n) {
                    self.emit(self.pick(["\(arr)[\(i)] = Double(\(i)) / 2 + 1", "\(arr)[\(i)] += 1 / 4",
                                         "\(arr)[\(i)] = \(self.doubleExpr(1).text)"]))
                }
                self.emit("\(arr)[\(self.int(0...(n - 1)))] = \(self.int(1...9)) / \(self.pick([2, 4, 8]))")
                self.emit("print(\(arr), \(arr).reduce(0, +))")
            },
            {
                let f = self.fresh(["half", "scaled", "area"])
                let dflt = self.chance(0.5)
                self.emit("func \(f)(_ v: Double, by k: Double\(dflt ? " = 2" : "")) -> Double { v / k }")
                let first = dflt ? "\(f)(\(self.int(1...9)))" : "\(f)(\(self.int(1...9)), by: 4)"
                self.emit("print(\(first), \(f)(1 / 3, by: \(self.int(1...5))), \(f)(\(self.doubleLiteral().text), by: 1 / 2))")
            },
            {
                let ds = self.fresh(["ds", "weights", "samples"])
                self.emit("let \(ds): [Double] = [\(self.int(0...9)), \(self.doubleLiteral().text), \(self.int(0...9)) / 2]")
                self.emit("print(\(ds), \(ds).reduce(0, +), \(ds).reduce(0) { $0 + $1 / 2 }, \(ds).max()!)")
            },
            {
                let w = self.fresh(["w", "quotient"]), a = self.int(1...30), b = self.pick([2, 3, 4, 8])
                self.emit("let \(w) = \(a) / \(b)")
                self.emit("print(\(w), \(a).0 / \(b), Double(\(a)) / Double(\(b)), Double(\(a) / \(b)))")
                self.declare(Variable(name: w, kind: .int, bound: a, isMutable: false))
            },
            {
                let m = self.fresh(["m", "total2", "whole"])
                self.emit("let \(m): Double = \(self.int(1...50))")
                self.emit("print(\(m), \(m) / 4, \(m) * 1 / 3, 2 * \(m) + 1)")
                self.declare(Variable(name: m, kind: .double, bound: 0, isMutable: false))
            },
            {
                let t = self.fresh(["t", "cast"])
                self.emit("let \(t) = \(self.int(1...9)) / \(self.pick([2, 4])) as Double")
                self.emit("print(\(t), (\(self.int(1...9)) as Double) / 3)")
            },
            {
                let acc = self.fresh(["harmonic", "sum1", "acc"]), n = self.int(2...6), i = self.fresh(["i", "j"])
                self.emit("var \(acc): Double = 0")
                self.loop("for \(i) in 1...\(n)", times: n) { self.emit("\(acc) += 1 / Double(\(i))") }
                self.emit("print(\(acc))")
            },
            {
                self.emit("print(\(self.int(1...9)) / \(self.pick([2, 4])) < 0.6, \(self.int(1...9)) * 1.5, 1 / 2 + 1 / 4 * 2.0)")
            },
            {
                let s = self.fresh(["steps", "ticks"])
                self.emit("let \(s) = stride(from: 0, to: \(self.int(1...2)), by: 0.25).map { $0 * 2 }")
                self.emit("print(\(s))")
            },
            {
                let pt = self.fresh(["pt", "pair"])
                self.emit("let \(pt): (Double, Double) = (\(self.int(0...9)), \(self.int(1...9)) / 2)")
                self.emit("print(\(pt), \(pt).0 + \(pt).1)")
            },
            {
                let od = self.fresh(["od", "maybeD"])
                self.emit("let \(od): Double? = \(self.int(1...9))")
                self.emit("print(\(od) ?? 0, (\(od) ?? 1) / 2)")
            },
            {
                let prices = self.fresh(["prices", "rates"])
                self.emit("let \(prices): [String: Double] = [\"tea\": \(self.int(1...5)), \"cake\": \(self.doubleLiteral().text)]")
                self.emit("print(\(prices)[\"tea\"]! / 4, \(prices)[\"cake\", default: 1] * 2)")
            },
            {
                let ints = self.fresh(["ints", "marks"]), vs = self.smallInts(2...5, in: 0...20)
                self.emit("let \(ints) = \(self.literal(vs))")
                self.emit("print(Double(\(ints).reduce(0, +)) / Double(\(ints).count), 100 * Double(\(ints)[0]) / 7)")
                self.declare(Variable(name: ints, kind: .intArray(count: vs.count), bound: 20, isMutable: false))
            },
            {
                let v = self.fresh(["v", "mixed"])
                self.emit("let \(v): Double = \(self.doubleExpr(3).text)")
                self.emit("print(\(v))")
                self.declare(Variable(name: v, kind: .double, bound: 0, isMutable: false))
            },
        ])
    }

    // MARK: Strings

    /// Strings and characters: interpolation, `+=`, case changes, reversal, splitting,
    /// iteration, comparison.
    func emitStrings() {
        let s = fresh(["s", "word", "phrase", "greeting"]), w = pick(ProgramBuilder.words)
        emit("var \(s) = \"\(w)\"")
        var length = w.count
        some(int(3...6), of: [
            {
                let other = self.pick(ProgramBuilder.words)
                self.emit("\(s) += \"\(other)\"")
                length += other.count
            },
            {
                self.emit("\(s).append(\"!\")")
                self.emit("\(s).append(contentsOf: \"ab\")")
                length += 3
            },
            { self.emit("print(\(s), \(s).count, \(s).uppercased(), String(\(s).reversed()))") },
            { self.emit("print(\(s).hasPrefix(\"\(w.prefix(2))\"), \(s).hasSuffix(\"x\"), \(s).isEmpty, \(s).first!, \(s).last!)") },
            {
                let c = self.fresh(["c", "ch"]), i = self.fresh(["i", "pos"])
                self.emit("for (\(i), \(c)) in \(s).enumerated() where \(i) < 3 {")
                self.nested { self.emit("print(\(i), \(c))") }
                self.emit("}")
            },
            {
                let n = self.fresh(["vowels", "hits"]), c = self.fresh(["c", "letter"])
                self.emit("var \(n) = 0")
                self.emit("for \(c) in \(s) where \"aeiou\".contains(\(c)) {")
                self.nested { self.emit("\(n) += 1") }
                self.emit("}")
                self.emit("print(\(n))")
            },
            {
                let parts = self.fresh(["parts", "pieces"]), ws = self.distinctWords(self.int(2...4))
                self.emit("let \(parts) = \"\(ws.joined(separator: ","))\".split(separator: \",\")")
                self.emit("print(\(parts), \(parts).count, \(parts).map { $0.count }, \(parts).joined(separator: \" \"))")
            },
            { self.emit("print(String(\(s).sorted()), \(s).filter { $0 != \"a\" }, \(s).map { String($0) }.joined(separator: \".\"))") },
            { self.emit("print(\(s).prefix(3), \(s).dropFirst(2), \(s).dropLast(), \(s).suffix(2))") },
            {
                let ch = self.fresh(["ch", "initial"]), letter = self.pick(["z", "A", "q", "7", "é"])
                self.emit("let \(ch): Character = \"\(letter)\"")
                self.emit("print(\(ch), \(ch).isLetter, \(ch).isNumber, \(ch).isUppercase, String(\(ch)) + \"!\", \(ch).asciiValue ?? 0)")
            },
            {
                let other = self.pick(ProgramBuilder.words)
                self.emit("print(\(s) < \"\(other)\", \(s) == \"\(w)\", \"\(other)\" > \"\(w)\", \(s).lowercased() == \(s))")
            },
            { self.emit("print(\"héllo\".count, \"naïve\".uppercased(), \"\\(\(s).count) chars\", \"tab\\tquote\\\"\")") },
            {
                let t = self.fresh(["line", "row"])
                let n = self.int(0...3)
                self.emit("let \(t) = String(repeating: \"-\", count: \(n)) + \(s) + String(repeating: \"=\", count: 2)")
                self.emit("print(\(t), \(t).count)")
                self.declare(Variable(name: t, kind: .string, bound: n + 2 + length + 10, isMutable: false))
            },
            {
                let chars = self.fresh(["chars", "letters"])
                self.emit("let \(chars) = Array(\(s))")
                self.emit("print(\(chars), \(chars).count, \(chars).first!, Array(\(s).prefix(2)))")
            },
            { self.emit("print(\(self.interpolation().text))") },
        ])
        declare(Variable(name: s, kind: .string, bound: length + 10, isMutable: true))
    }

    // MARK: Arrays

    /// Arrays of Int, Double and String; mutation in place; the usual higher-order methods;
    /// slices; arrays of arrays (value semantics).
    func emitArrays() {
        oneOf([
            (6, { self.emitIntArray() }),
            (2, { self.emitStringArray() }),
            (1, { self.emitDoubleArray() }),
            (1, { self.emitNestedArray() }),
        ])
    }

    private func emitIntArray() {
        let xs = fresh(["xs", "values", "nums", "data", "list", "scores"])
        var values = smallInts()
        var count = values.count
        var bound = values.map(abs).max() ?? 0
        emit(chance(0.3) ? "var \(xs): [Int] = \(literal(values))" : "var \(xs) = \(literal(values))")
        for _ in 0..<int(1...4) {
            switch int(0...8) {
            case 0:
                let v = int(-9...20)
                emit("\(xs).append(\(v))"); count += 1; bound = max(bound, abs(v)); values.append(v)
            case 1:
                let e = intExpr(1, limit: 100)
                emit("\(xs)[\(int(0...(count - 1)))] = \(e.text)"); bound = max(bound, e.bound)
            case 2:
                let d = int(1...9)
                emit("\(xs)[\(int(0...(count - 1)))] \(pick(["+=", "-="])) \(d)"); bound += d
            case 3:
                let v = int(0...9)
                emit("\(xs).insert(\(v), at: \(int(0...count)))"); count += 1; bound = max(bound, v)
            case 4 where count > 1:
                emit(chance(0.5) ? "\(xs).remove(at: \(int(0...(count - 1))))" : "\(xs).removeLast()"); count -= 1
            case 5 where count > 1:
                emit("\(xs).swapAt(0, \(count - 1))")
            case 6:
                let more = smallInts(1...3, in: 0...9)
                emit("\(xs) += \(literal(more))"); count += more.count; bound = max(bound, 9)
            case 7:
                let i = fresh(["i", "idx"])
                loop("for \(i) in 0..<\(xs).count", times: count) {
                    self.emit("\(xs)[\(i)] = \(xs)[\(i)] * 2 + 1")
                }
                bound = bound * 2 + 1
            default:
                let i = fresh(["i", "idx"])
                loop("for \(i) in \(xs).indices where \(i) % 2 == 0", times: count) {
                    self.emit("\(xs)[\(i)] -= \(i)")
                }
                bound += count
            }
        }
        let probe = chance(0.5) && !values.isEmpty ? pick(values) : int(-3...12)
        some(int(3...6), of: [
            { self.emit("print(\(xs), \(xs).count)") },
            {
                let k = self.int(2...4)
                let doubled = self.fresh(["doubled", "scaled", "tripled"])
                self.emit("let \(doubled) = \(xs).map { $0 * \(k) }")
                self.emit("print(\(doubled))")
                self.declare(Variable(name: doubled, kind: .intArray(count: count), bound: bound * k, isMutable: false))
            },
            {
                let evens = self.fresh(["evens", "picked", "kept"])
                self.emit("let \(evens) = \(xs).filter { $0 % 2 == 0 }")
                self.emit("print(\(evens), \(evens).first ?? -1, \(evens).last ?? -1, \(evens).isEmpty)")
            },
            { self.emit("print(\(xs).reduce(0, +), \(xs).reduce(1) { $0 + $1 * 2 }, \(xs).reduce(into: 0) { $0 += $1 })") },
            { self.emit("print(\(xs).sorted(), \(xs).sorted(by: >), \(xs).sorted { $0 > $1 }.first!)") },
            { self.emit("print(\(xs).contains(\(probe)), \(xs).first!, \(xs).last!, \(xs).min()!, \(xs).max()!)") },
            { self.emit("print(\(xs).firstIndex(of: \(probe)) ?? -1, \(xs).lastIndex(of: \(probe)) ?? -1, \(xs).first { $0 > 5 } ?? 0)") },
            { self.emit("print(\(xs).map { \"\\($0)\" }.joined(separator: \"-\"), Array(\(xs).reversed()))") },
            { self.emit("print(\(xs).prefix(2), \(xs).suffix(2), \(xs).dropFirst(), \(xs).dropLast(2))") },
            { self.emit("print(\(xs)[0...], \(xs)[..<1], \(xs)[\(count > 1 ? "1..<\(count)" : "0..<1")])") },
            { self.emit("print(\(xs).allSatisfy { $0 < 50 }, \(xs).contains { $0 < 0 }, \(xs).filter { $0 > \(self.int(0...9)) }.count)") },
            { self.emit("print(\(xs).enumerated().map { $0.offset * $0.element }, \(xs).indices.map { $0 })") },
            {
                let i = self.fresh(["i", "n"]), x = self.fresh(["x", "item"])
                self.emit("for (\(i), \(x)) in \(xs).enumerated() where \(i) < 3 {")
                self.nested { self.emit("print(\(i), \(x), \(x) * \(i))") }
                self.emit("}")
            },
            {
                let copy = self.fresh(["copy", "snapshot", "backup"])
                self.emit("var \(copy) = \(xs)")
                self.emit("\(copy)[0] = 100")
                self.emit("\(copy).append(7)")
                self.emit("print(\(xs).count, \(copy).count, \(xs)[0], \(copy)[0])")
            },
            { self.emit("print(\(xs).isEmpty, \(xs).count(where: { $0 > 3 }), zip(\(xs), \(xs).dropFirst()).map { $0 + $1 })") },
            { self.emit("print(\(xs).compactMap { $0 > 0 ? $0 : nil }, \(xs).flatMap { [$0, $0] }.count, Array(Set(\(xs))).sorted())") },
        ])
        declare(Variable(name: xs, kind: .intArray(count: count), bound: bound, isMutable: false))
    }

    private func emitStringArray() {
        let names = fresh(["names", "words", "fruits", "tags"])
        var values = distinctWords(int(2...5))
        emit("var \(names) = \(literal(values))")
        if chance(0.6) {
            let w = pick(ProgramBuilder.words.filter { !values.contains($0) })
            emit("\(names).append(\"\(w)\")")
            values.append(w)
        }
        if chance(0.4) {
            emit("\(names)[0] = \(names)[0].uppercased()")
        }
        some(int(2...5), of: [
            { self.emit("print(\(names), \(names).count, \(names).sorted(), \(names).sorted(by: >))") },
            { self.emit("print(\(names).joined(separator: \", \"), \(names).map { $0.count }, \(names).map { $0.uppercased() })") },
            { self.emit("print(\(names).filter { $0.count > 4 }, \(names).contains(\"\(self.pick(ProgramBuilder.words))\"), \(names).first!, \(names).last!)") },
            { self.emit("print(\(names).sorted { $0.count < $1.count || ($0.count == $1.count && $0 < $1) })") },
            { self.emit("print(\(names).reduce(\"\") { $0 + String($1.first!) }, \(names).min()!, \(names).max()!)") },
            {
                let n = self.fresh(["name", "w"])
                self.emit("for \(n) in \(names).reversed() {")
                self.nested { self.emit("print(\(n), \(n).count)") }
                self.emit("}")
            },
            { self.emit("print(\(names).map { $0.prefix(1) }.joined(), \(names).firstIndex(of: \"\(values[0])\") ?? -1)") },
        ])
    }

    private func emitDoubleArray() {
        let ds = fresh(["ds", "readings", "levels"])
        let n = int(2...5)
        let items = (0..<n).map { _ in chance(0.5) ? "\(int(0...9))" : doubleLiteral().text }
        emit("var \(ds): [Double] = [\(items.joined(separator: ", "))]")
        emit("\(ds).append(\(int(0...9)))")
        emit("\(ds)[0] += \(pick(["1 / 2", "0.5", "3", "2.25"]))")
        some(int(2...4), of: [
            { self.emit("print(\(ds), \(ds).reduce(0, +))") },
            { self.emit("print(\(ds).reduce(0, +) / Double(\(ds).count), \(ds).max()!, \(ds).min()!)") },
            { self.emit("print(\(ds).map { $0 * 2 }, \(ds).filter { $0 > 2 }, \(ds).sorted(by: >))") },
            { self.emit("print(\(ds).map { ($0 * 10).rounded() / 10 }, \(ds).map { Int($0) })") },
            { self.emit("print(\(ds).map { $0.squareRoot() }.map { ($0 * 1000).rounded() })") },
        ])
    }

    private func emitNestedArray() {
        let grid = fresh(["grid", "board", "matrix"]), rows = int(2...3), cols = int(2...4)
        emit("var \(grid) = [[Int]](repeating: [Int](repeating: 0, count: \(cols)), count: \(rows))")
        let r = fresh(["r", "row"]), c = fresh(["c", "col"])
        loop("for \(r) in 0..<\(rows)", times: rows) {
            self.loop("for \(c) in 0..<\(cols)", times: cols) {
                self.emit("\(grid)[\(r)][\(c)] = \(r) * \(cols) + \(c)")
            }
        }
        let line = fresh(["line", "firstRow"])
        emit("var \(line) = \(grid)[0]")
        emit("\(line)[0] = 99")
        emit("\(grid)[\(rows - 1)][\(cols - 1)] += 10")
        emit("print(\(grid), \(line))")
        emit("print(\(grid).map { $0.reduce(0, +) }, \(grid).flatMap { $0 }.count, \(grid)[1][1])")
    }

    // MARK: Dictionaries

    /// Dictionaries: counting with `[k, default:]`, lookups, updates and removals, printed
    /// through sorted keys (or whole when they hold at most one element).
    func emitDictionaries() {
        let pool = distinctWords(int(2...4))
        let items = (0..<int(3...7)).map { _ in pick(pool) }
        let counts = fresh(["counts", "tally", "freq"])
        let w = fresh(["w", "word", "key"])
        emit("var \(counts): [String: Int] = [:]")
        emit("for \(w) in \(literal(items)) {")
        nested { self.emit("\(counts)[\(w), default: 0] += 1") }
        emit("}")
        let present = pick(items), absent = pick(ProgramBuilder.words.filter { !pool.contains($0) })
        some(int(3...6), of: [
            { self.emit("print(\(counts).keys.sorted(), \(counts).values.sorted(), \(counts).count)") },
            {
                let k = self.fresh(["k", "name"])
                self.emit("for \(k) in \(counts).keys.sorted() {")
                self.nested { self.emit("print(\(k), \(counts)[\(k)]!)") }
                self.emit("}")
            },
            { self.emit("print(\(counts).sorted { $0.key < $1.key })") },
            {
                let k = self.fresh(["k", "entry"]), v = self.fresh(["v", "n"])
                self.emit("for (\(k), \(v)) in \(counts).sorted(by: { $0.key < $1.key }) {")
                self.nested { self.emit("print(\"\\(\(k)): \\(\(v))\")") }
                self.emit("}")
            },
            { self.emit("print(\(counts)[\"\(absent)\", default: 0], \(counts)[\"\(present)\"] ?? -1, \(counts)[\"\(absent)\"] == nil)") },
            {
                self.emit("\(counts)[\"\(present)\"] = 10")
                self.emit("\(counts)[\"\(absent)\"] = \(self.int(1...5))")
                self.emit("print(\(counts).keys.sorted(), \(counts)[\"\(present)\"]!)")
            },
            {
                self.emit("print(\(counts).removeValue(forKey: \"\(present)\") ?? 0, \(counts).removeValue(forKey: \"\(absent)\") ?? 0)")
                self.emit("\(counts)[\"\(self.pick(pool))\"] = nil")
                self.emit("print(\(counts).count, \(counts).keys.sorted())")
            },
            {
                let v = self.fresh(["found", "hit"])
                self.emit("if let \(v) = \(counts)[\"\(self.pick([present, absent]))\"] {")
                self.nested { self.emit("print(\"found\", \(v))") }
                self.emit("} else {")
                self.nested { self.emit("print(\"missing\")") }
                self.emit("}")
            },
            { self.emit("print(\(counts).values.reduce(0, +), \(counts).mapValues { $0 * 2 }.sorted { $0.key < $1.key }.map { $0.value })") },
            { self.emit("print(\(counts).filter { $0.value > 1 }.keys.sorted(), \(counts).contains { $0.value > 2 })") },
            {
                self.emit("\(counts).merge([\"\(present)\": 5, \"\(absent)\": 1]) { $0 + $1 }")
                self.emit("print(\(counts).sorted { $0.key < $1.key }.map { \"\\($0.key)=\\($0.value)\" }.joined(separator: \" \"))")
            },
            {
                let sq = self.fresh(["squares", "table"]), n = self.int(2...5), i = self.fresh(["i", "j"])
                self.emit("var \(sq): [Int: Int] = [:]")
                self.loop("for \(i) in 1...\(n)", times: n) { self.emit("\(sq)[\(i)] = \(i) * \(i)") }
                self.emit("print(\(sq).keys.sorted().map { \(sq)[$0]! }, \(sq)[\(n + 1)] ?? 0, \(sq)[1]!)")
            },
            {
                let prices = self.fresh(["prices", "costs"])
                self.emit("var \(prices): [String: Double] = [\"a\": \(self.int(1...9)), \"b\": \(self.doubleLiteral().text)]")
                self.emit("\(prices)[\"a\", default: 0] += 1 / 2")
                self.emit("\(prices)[\"c\", default: 1] *= 3")
                self.emit("print(\(prices).sorted { $0.key < $1.key }.map { $0.value })")
            },
            {
                let one = self.fresh(["single", "lone"])
                self.emit("let \(one) = [\"\(present)\": \(self.int(0...9))]")
                self.emit("print(\(one), [String: Int](), \(one).first!.key)")
            },
            {
                let g = self.fresh(["groups", "byRest"]), k = self.fresh(["k", "r"])
                self.emit("let \(g) = Dictionary(grouping: \(self.literal(self.smallInts(3...7, in: 0...20))), by: { $0 % 3 })")
                self.emit("for \(k) in \(g).keys.sorted() {")
                self.nested { self.emit("print(\(k), \(g)[\(k)]!)") }
                self.emit("}")
            },
            {
                let z = self.fresh(["lookup", "index"])
                let ks = self.distinctWords(3)
                self.emit("let \(z) = Dictionary(uniqueKeysWithValues: zip(\(self.literal(ks)), 1...))")
                self.emit("print(\(z).sorted { $0.value < $1.value }.map { $0.key }, \(z)[\"\(ks[1])\"]!)")
            },
        ])
    }

    // MARK: Sets

    /// Sets: insert/remove, membership, algebra, printed sorted.
    func emitSets() {
        let s = fresh(["seen", "ids", "marks", "pool"])
        let values = distinctInts(int(2...5), in: 0...15)
        emit("var \(s): Set<Int> = \(literal(values))")
        let x = int(0...15), y = pick(values)
        some(int(3...6), of: [
            {
                self.emit("\(s).insert(\(x))")
                self.emit("print(\(s).sorted(), \(s).count)")
            },
            {
                let ins = self.fresh(["inserted", "isNew"])
                self.emit("let (\(ins), _) = \(s).insert(\(self.pick([x, y])))")
                self.emit("print(\(ins), \(s).contains(\(x)), \(s).remove(\(y)) ?? -1, \(s).remove(99) ?? -1)")
            },
            {
                let t = self.fresh(["other", "more"])
                self.emit("let \(t): Set = \(self.literal(self.distinctInts(self.int(1...4), in: 0...15)))")
                self.emit("print(\(s).union(\(t)).sorted(), \(s).intersection(\(t)).sorted())")
                self.emit("print(\(s).subtracting(\(t)).sorted(), \(s).symmetricDifference(\(t)).sorted())")
                self.emit("print(\(s).isSubset(of: \(t)), \(s).isDisjoint(with: \(t)), \(s).isSuperset(of: [\(y)]))")
            },
            {
                self.emit("\(s).formUnion([\(self.int(0...20)), \(self.int(0...20))])")
                self.emit("print(\(s).sorted(), \(s).min()!, \(s).max()!, \(s).reduce(0, +))")
            },
            { self.emit("print(\(s).filter { $0 % 2 == 0 }.sorted(), \(s).map { $0 * 2 }.sorted(), \(s).sorted(by: >))") },
            {
                let letters = self.fresh(["letters", "chars"])
                self.emit("let \(letters) = Set(\"\(self.pick(["mississippi", "banana", "hello", "bookkeeper", "a"]))\")")
                self.emit("print(\(letters).sorted(), \(letters).count, \(letters).contains(\"s\"))")
            },
            {
                let unique = self.fresh(["unique", "firsts"]), found = self.fresh(["found", "met"]), v = self.fresh(["v", "x"])
                self.emit("var \(found) = Set<Int>()")
                self.emit("var \(unique): [Int] = []")
                self.emit("for \(v) in \(self.literal(self.smallInts(4...8, in: 0...6))) {")
                self.nested {
                    self.emit("if \(found).insert(\(v)).inserted {")
                    self.nested { self.emit("\(unique).append(\(v))") }
                    self.emit("}")
                }
                self.emit("}")
                self.emit("print(\(unique), \(found).count)")
            },
            {
                let tags = self.fresh(["tags", "labels"])
                self.emit("let \(tags): Set<String> = \(self.literal(self.distinctWords(self.int(1...4))))")
                self.emit("print(\(tags).sorted(), \(tags).contains(\"fig\"), Set([\(x)]), Set<Int>())")
            },
        ])
    }

    // MARK: Closures

    /// Closures: capture of loop variables, of vars changed after the closure is made, state
    /// kept by returned closures, capture lists, closures as arguments and values.
    func emitClosures() {
        some(int(2...3), of: [
            { self.closuresCapturingLoopVariable() },
            { self.closureSeeingLaterAssignment() },
            { self.closureMutatingCapture() },
            { self.counterFactory() },
            { self.higherOrderFunction() },
            { self.closureArray() },
            { self.captureList() },
            { self.closureVariableReassigned() },
            { self.closuresWithOwnVariables() },
            { self.curriedClosure() },
        ])
    }

    private func closuresCapturingLoopVariable() {
        let fs = fresh(["fs", "thunks", "actions"]), i = fresh(["i", "n"]), k = int(1...5), n = int(2...4)
        emit("var \(fs): [() -> Int] = []")
        emit("for \(i) in 0..<\(n) {")
        nested { self.emit(self.chance(0.5) ? "\(fs).append({ \(i) * \(k) })" : "\(fs).append { \(i) + \(k) }") }
        emit("}")
        if chance(0.5) {
            let f = fresh(["f", "thunk"])
            emit("for \(f) in \(fs) {")
            nested { self.emit("print(\(f)())") }
            emit("}")
        } else {
            emit("print(\(fs).map { $0() }, \(fs).count)")
        }
    }

    private func closureSeeingLaterAssignment() {
        let base = fresh(["base", "offset", "shift"]), add = fresh(["addBase", "shifted", "plus"])
        emit("var \(base) = \(int(0...20))")
        emit("let \(add) = { (x: Int) -> Int in x + \(base) }")
        emit("print(\(add)(1))")
        emit("\(base) = \(int(21...50))")
        emit("print(\(add)(1), \(add)(\(int(0...9))))")
    }

    private func closureMutatingCapture() {
        let counter = fresh(["counter", "clicks", "hits"]), inc = fresh(["increment", "bump", "tick"]), k = int(1...4)
        emit("var \(counter) = 0")
        emit("let \(inc) = { \(counter) += \(k) }")
        for _ in 0..<int(1...3) { emit("\(inc)()") }
        emit("print(\(counter))")
        emit("\(counter) = 100")
        emit("\(inc)()")
        emit("print(\(counter))")
    }

    private func counterFactory() {
        let make = fresh(["makeCounter", "makeStepper"]), value = fresh(["value", "state"])
        emit("func \(make)(step: Int) -> () -> Int {")
        nested {
            self.emit("var \(value) = 0")
            self.emit("return {")
            self.nested {
                self.emit("\(value) += step")
                self.emit("return \(value)")
            }
            self.emit("}")
        }
        emit("}")
        let c1 = fresh(["c1", "first"]), c2 = fresh(["c2", "second"])
        emit("let \(c1) = \(make)(step: \(int(1...3)))")
        emit("let \(c2) = \(make)(step: \(int(4...9)))")
        emit("print(\(c1)(), \(c1)(), \(c2)(), \(c1)())")
    }

    private func higherOrderFunction() {
        let twice = fresh(["applyTwice", "twice"])
        emit("func \(twice)(_ f: (Int) -> Int, to x: Int) -> Int { f(f(x)) }")
        emit("print(\(twice)({ $0 * \(int(2...3)) }, to: \(int(1...9))), \(twice)({ x in x - \(int(1...5)) }, to: \(int(0...20))))")
        if chance(0.5) {
            let times = fresh(["repeatTimes", "times"]), i = fresh(["i", "k"])
            emit("func \(times)(_ n: Int, _ body: (Int) -> Void) {")
            nested {
                self.emit("for \(i) in 0..<n {")
                self.nested { self.emit("body(\(i))") }
                self.emit("}")
            }
            emit("}")
            emit("\(times)(\(int(1...3))) { print(\"tick\", $0) }")
        }
    }

    private func closureArray() {
        let ops = fresh(["ops", "steps", "pipeline"])
        emit("let \(ops): [(Int) -> Int] = [{ $0 + \(int(1...5)) }, { $0 * \(int(2...3)) }, { $0 - \(int(1...9)) }]")
        emit("print(\(ops).reduce(\(int(0...9))) { acc, f in f(acc) }, \(ops).map { $0(10) })")
        if chance(0.5) {
            let compose = fresh(["compose", "then"])
            emit("func \(compose)(_ f: @escaping (Int) -> Int, _ g: @escaping (Int) -> Int) -> (Int) -> Int {")
            nested { self.emit("return { x in g(f(x)) }") }
            emit("}")
            let h = fresh(["h", "combined"])
            emit("let \(h) = \(compose)(\(ops)[0], \(ops)[1])")
            emit("print(\(h)(1), \(h)(\(int(2...9))))")
        }
    }

    private func captureList() {
        let v = fresh(["v", "snapshotValue", "orig"]), snap = fresh(["snap", "frozen"]), live = fresh(["live", "current"])
        emit("var \(v) = \(int(1...9))")
        emit("let \(snap) = { [\(v)] in \(v) * 10 }")
        emit("let \(live) = { \(v) * 10 }")
        emit("\(v) = \(int(10...20))")
        emit("print(\(snap)(), \(live)(), \(v))")
    }

    private func closureVariableReassigned() {
        let op = fresh(["op", "combine"])
        emit("var \(op): (Int, Int) -> Int = { $0 + $1 }")
        emit("print(\(op)(\(int(1...9)), \(int(1...9))))")
        emit("\(op) = { a, b in a * b - 1 }")
        emit("print(\(op)(\(int(1...9)), \(int(1...9))))")
    }

    private func closuresWithOwnVariables() {
        let makers = fresh(["makers", "gens"]), i = fresh(["i", "n"]), local = fresh(["local", "own"])
        emit("var \(makers): [() -> Int] = []")
        emit("for \(i) in 1...3 {")
        nested {
            self.emit("var \(local) = \(i) * 10")
            self.emit("\(makers).append {")
            self.nested {
                self.emit("\(local) += 1")
                self.emit("return \(local)")
            }
            self.emit("}")
        }
        emit("}")
        emit("print(\(makers)[0](), \(makers)[0](), \(makers)[2](), \(makers)[1]())")
    }

    private func curriedClosure() {
        let adder = fresh(["adder", "makeAdder"]), add = fresh(["addFive", "addSome"])
        emit("let \(adder) = { (a: Int) -> (Int) -> Int in { b in a + b } }")
        emit("let \(add) = \(adder)(\(int(1...9)))")
        emit("print(\(add)(3), \(adder)(\(int(1...9)))(\(int(1...9))))")
        if chance(0.5) {
            let total = fresh(["total", "sum2"])
            emit("var \(total) = 0")
            emit("\(literal(smallInts(2...4, in: 0...9))).forEach { \(total) += $0 }")
            emit("print(\(total))")
        }
    }

    // MARK: Structs

    /// A struct with stored, defaulted and computed properties, a mutating method and a
    /// method; value-semantics copies, arrays of structs mutated in place, `inout`.
    func emitStructs() {
        let type = fresh(["Point", "Vec", "Item", "Cell", "Pair", "Tile", "Slot", "Entry"])
        let (a, b) = pick([("x", "y"), ("w", "h"), ("lo", "hi"), ("row", "col"), ("left", "right"), ("qty", "price")])
        let doubleField: String? = chance(0.4) ? pick(["weight", "scale", "mass"]) : nil
        let defaultField: (name: String, decl: String, arg: String)? = chance(0.5)
            ? pick([("tag", "var tag: String = \"t\"", "tag: \"q\""), ("hits", "var hits = 0", "hits: 2"),
                    ("active", "var active = true", "active: false")])
            : nil
        let equatable = chance(0.4)
        let computed = fresh(["total", "area", "span", "size"])
        let formula = pick(["\(a) + \(b)", "\(a) * \(b)", "\(a) * 2 - \(b)", "abs(\(a) - \(b))", "max(\(a), \(b)) + 1"])
        let mutate = fresh(["move", "shift", "nudge", "grow"])
        let mutation = pick(["\(a) += d\n\(b) -= 1", "\(a) += d", "\(b) = \(b) * 2 + d", "let t = \(a)\n\(a) = \(b)\n\(b) = t + d"])
        let combine = fresh(["combined", "merged", "joined"])
        let hasZero = chance(0.4)

        func make(_ va: Int, _ vb: Int, withDefault: Bool = false) -> String {
            var args = ["\(a): \(va)", "\(b): \(vb)"]
            if let doubleField { args.append("\(doubleField): \(chance(0.5) ? "\(int(0...9))" : doubleLiteral().text)") }
            if withDefault, let defaultField { args.append(defaultField.arg) }
            return "\(type)(\(args.joined(separator: ", ")))"
        }

        isolated {
            self.emit("struct \(type)\(equatable ? ": Equatable" : "") {")
            self.nested {
                self.emit("var \(a): Int")
                self.emit("var \(b): Int")
                if let doubleField { self.emit("var \(doubleField): Double") }
                if let defaultField { self.emit(defaultField.decl) }
                self.emit("var \(computed): Int { \(formula) }")
                self.emit("mutating func \(mutate)(by d: Int) {")
                self.nested { for line in mutation.split(separator: "\n") { self.emit(String(line)) } }
                self.emit("}")
                self.emit("func \(combine)(with other: \(type)) -> Int { \(a) + other.\(b) }")
                if hasZero {
                    self.emit("static func zero() -> \(type) { \(make(0, 0)) }")
                }
            }
            self.emit("}")
        }
        let p = fresh(["p", "first", "origin"]), q = fresh(["q", "second", "other"])
        emit("var \(p) = \(make(int(0...9), int(0...9), withDefault: chance(0.5)))")
        emit("var \(q) = \(p)")
        emit("\(q).\(a) += \(int(1...5))")
        emit("print(\(p).\(a), \(q).\(a), \(p).\(computed), \(q).\(computed))")
        let list = fresh(["list", "items", "all"])
        some(int(2...5), of: [
            {
                self.emit("\(p).\(mutate)(by: \(self.int(1...4)))")
                self.emit("print(\(p).\(a), \(p).\(b), \(p).\(computed))")
            },
            { self.emit("print(\(p))") },
            { self.emit("print(\(p).\(combine)(with: \(q)), \(q).\(combine)(with: \(p)))") },
            {
                self.emit("var \(list) = [\(p), \(q), \(make(self.int(0...9), self.int(0...9)))]")
                self.emit("\(list)[0].\(a) += 1")
                self.emit("\(list)[1].\(mutate)(by: \(self.int(1...3)))")
                self.emit("print(\(list).map { $0.\(computed) }, \(list).map { $0.\(a) }.reduce(0, +), \(p).\(a))")
                let i = self.fresh(["i", "k"])
                self.emit("for \(i) in \(list).indices {")
                self.nested { self.emit("\(list)[\(i)].\(b) *= 2") }
                self.emit("}")
                self.emit("print(\(list).map(\\.\(b)), \(list).max { $0.\(a) < $1.\(a) }!.\(a), \(list).filter { $0.\(a) > 3 }.count)")
                if self.options.printsQualifiedTypeNames { self.emit("print(\(list))") }
                let copy = self.fresh(["saved", "before"])
                self.emit("let \(copy) = \(list)")
                self.emit("\(list)[2].\(a) = 42")
                self.emit("print(\(copy)[2].\(a), \(list)[2].\(a))")
            },
            {
                let f = self.fresh(["reset", "bumpUp"])
                self.emit("func \(f)(_ v: inout \(type)) { v.\(a) += 10 }")
                self.emit("\(f)(&\(p))")
                self.emit("print(\(p).\(a), \(q).\(a))")
            },
            {
                let f = self.fresh(["bumped", "adjusted"])
                self.emit("func \(f)(_ v: \(type)) -> \(type) {")
                self.nested {
                    self.emit("var c = v")
                    self.emit("c.\(b) -= 3")
                    self.emit("return c")
                }
                self.emit("}")
                self.emit("print(\(f)(\(p)).\(b), \(p).\(b))")
            },
            {
                if equatable {
                    self.emit("print(\(p) == \(q), \(p) == \(p), \(q) != \(make(0, 0)))")
                } else {
                    self.emit("print(\(p).\(a) == \(q).\(a))")
                }
            },
            {
                if hasZero { self.emit("print(\(type).zero().\(computed), \(type).zero())") }
            },
            {
                let opt = self.fresh(["maybe", "found"])
                self.emit("let \(opt): \(type)? = \(self.chance(0.7) ? p : "nil")")
                self.emit("print(\(opt)?.\(a) ?? -1, \(opt)?.\(computed) ?? -1)")
            },
            {
                let pairType = self.fresh(["Segment", "Edge", "Link"]), line = self.fresh(["segment", "edge"])
                self.emit("struct \(pairType) { var start: \(type); var end: \(type) }")
                self.emit("var \(line) = \(pairType)(start: \(p), end: \(q))")
                self.emit("\(line).end.\(a) = 0")
                self.emit("print(\(line).start.\(a), \(line).end.\(a), \(q).\(a))")
            },
        ])
    }

    // MARK: Classes

    /// Classes: reference semantics (two references, one instance), single inheritance with
    /// `override` and `super`, inherited and convenience initializers, downcasts, a linked list.
    func emitClasses() {
        oneOf([
            (5, { self.emitClassHierarchy() }),
            (2, { self.emitCounterClass() }),
            (2, { self.emitLinkedList() }),
        ])
    }

    private func emitClassHierarchy() {
        let base = fresh(["Animal", "Shape", "Vehicle", "Employee", "Account"])
        let derived = fresh(["Dog", "Square", "Car", "Manager", "Savings"])
        let inheritsInit = chance(0.4)
        let convenience = chance(0.3)
        let kindProperty = chance(0.4)
        isolated {
            self.emit("class \(base) {")
            self.nested {
                self.emit("var name: String")
                self.emit("var level: Int")
                self.emit("init(name: String, level: Int) {")
                self.nested {
                    self.emit("self.name = name")
                    self.emit("self.level = level")
                }
                self.emit("}")
                if convenience {
                    self.emit("convenience init(name: String) {")
                    self.nested { self.emit("self.init(name: name, level: 1)") }
                    self.emit("}")
                }
                if kindProperty { self.emit("var kind: String { \"base\" }") }
                self.emit("func describe() -> String { \"\\(name) at \\(level)\" }")
                self.emit("func score() -> Int { level * \(self.int(2...4)) }")
            }
            self.emit("}")
            self.emit("class \(derived): \(base) {")
            self.nested {
                if inheritsInit {
                    self.emit("var bonus = \(self.int(1...9))")
                } else {
                    self.emit("var bonus: Int")
                    self.emit("init(name: String, level: Int, bonus: Int) {")
                    self.nested {
                        self.emit("self.bonus = bonus")
                        self.emit("super.init(name: name, level: level)")
                    }
                    self.emit("}")
                }
                if kindProperty { self.emit("override var kind: String { \"derived\" }") }
                self.emit("override func score() -> Int { super.score() + bonus }")
                if self.chance(0.6) {
                    self.emit("override func describe() -> String { \"special \" + super.describe() }")
                }
            }
            self.emit("}")
        }
        let a = fresh(["a", "first", "ann"]), b = fresh(["b", "alias", "same"]), d = fresh(["d", "boss", "special"])
        emit("let \(a) = \(base)(name: \"\(pick(ProgramBuilder.words))\", level: \(int(1...9)))")
        emit("let \(b) = \(a)")
        emit("\(b).level += \(int(1...5))")
        emit("print(\(a).level, \(b).level, \(a).describe())")
        let makeDerived = inheritsInit
            ? "\(derived)(name: \"\(pick(ProgramBuilder.words))\", level: \(int(1...9)))"
            : "\(derived)(name: \"\(pick(ProgramBuilder.words))\", level: \(int(1...9)), bonus: \(int(1...9)))"
        emit("let \(d) = \(makeDerived)")
        let all = fresh(["all", "members", "zoo"])
        emit("let \(all): [\(base)] = [\(a), \(d)\(convenience ? ", \(base)(name: \"solo\")" : "")]")
        some(int(2...4), of: [
            {
                let x = self.fresh(["x", "m"])
                self.emit("for \(x) in \(all) {")
                self.nested { self.emit("print(\(x).describe(), \(x).score()\(kindProperty ? ", \(x).kind" : ""))") }
                self.emit("}")
            },
            { self.emit("print(\(all).map { $0.score() }, \(all).map { $0.score() }.reduce(0, +))") },
            {
                let dd = self.fresh(["dd", "asDerived"])
                self.emit("if let \(dd) = \(all)[1] as? \(derived) {")
                self.nested { self.emit("print(\"bonus\", \(dd).bonus)") }
                self.emit("}")
                self.emit("print(\(all)[0] is \(derived), \(all)[1] is \(derived), (\(all)[0] as? \(derived))?.bonus ?? -1)")
            },
            {
                let f = self.fresh(["promote", "levelUp"])
                self.emit("func \(f)(_ x: \(base)) { x.level += 1 }")
                self.emit("\(f)(\(b))")
                self.emit("\(f)(\(d))")
                self.emit("print(\(a).level, \(d).level, \(d).score())")
            },
            {
                self.emit("\(d).name = \(a).name + \"!\"")
                self.emit("print(\(d).describe(), \(a).name)")
            },
            { if self.options.printsQualifiedTypeNames { self.emit("print(\(a), \(all))") } },
        ])
    }

    private func emitCounterClass() {
        let type = fresh(["Counter", "Tally", "Clicker"]), c = fresh(["c", "counter"]), alias = fresh(["alias", "other"])
        isolated {
            self.emit("class \(type) {")
            self.nested {
                self.emit("var count = 0")
                self.emit("var history: [Int] = []")
                self.emit("func tick(by n: Int = 1) {")
                self.nested {
                    self.emit("count += n")
                    self.emit("history.append(count)")
                }
                self.emit("}")
            }
            self.emit("}")
        }
        emit("let \(c) = \(type)()")
        emit("let \(alias) = \(c)")
        emit("\(c).tick()")
        emit("\(alias).tick(by: \(int(2...5)))")
        emit("print(\(c).count, \(alias).count, \(c).history)")
        if chance(0.6) {
            let f = fresh(["tickers", "presses"])
            emit("let \(f) = (0..<3).map { _ in { \(c).tick() } }")
            emit("\(f).forEach { $0() }")
            emit("print(\(c).count, \(alias).history.last!)")
        }
        if chance(0.5) {
            let holder = fresh(["Holder", "Wrapper"]), h1 = fresh(["h1", "w1"]), h2 = fresh(["h2", "w2"])
            emit("struct \(holder) { var ref: \(type); var n: Int }")
            emit("var \(h1) = \(holder)(ref: \(c), n: 1)")
            emit("var \(h2) = \(h1)")
            emit("\(h2).n = 2")
            emit("\(h2).ref.tick(by: 10)")
            emit("print(\(h1).n, \(h2).n, \(h1).ref.count, \(c).count)")
        }
    }

    private func emitLinkedList() {
        let node = fresh(["Node", "Link"]), head = fresh(["head", "list"]), cur = fresh(["cur", "walker"])
        isolated {
            self.emit("class \(node) {")
            self.nested {
                self.emit("var value: Int")
                self.emit("var next: \(node)?")
                self.emit("init(_ value: Int, next: \(node)? = nil) {")
                self.nested {
                    self.emit("self.value = value")
                    self.emit("self.next = next")
                }
                self.emit("}")
            }
            self.emit("}")
        }
        let vs = smallInts(3...4, in: 0...20)
        var chain = "\(node)(\(vs.last!))"
        for v in vs.dropLast().reversed() { chain = "\(node)(\(v), next: \(chain))" }
        emit("let \(head) = \(chain)")
        emit("var \(cur): \(node)? = \(head)")
        let total = fresh(["total", "sum3"])
        emit("var \(total) = 0")
        let n = fresh(["n", "node"])
        emit("while let \(n) = \(cur) {")
        nested {
            self.emit("\(total) += \(n).value")
            self.emit("\(cur) = \(n).next")
        }
        emit("}")
        emit("print(\(total), \(head).next?.value ?? -1, \(head).next?.next?.next?.next?.value ?? -1)")
        emit("\(head).next?.value = 100")
        emit("print(\(head).next!.value, \(cur) == nil)")
    }

    // MARK: Enums

    /// Enums without and with associated values and raw values; exhaustive `switch` with
    /// `case let … where` and `default`; `if case`; `CaseIterable`.
    func emitEnums() {
        some(int(1...2), of: [
            { self.emitAssociatedEnum() },
            { self.emitPlainEnum() },
            { self.emitRawValueEnum() },
            { self.emitShapeEnum() },
        ])
    }

    private func emitAssociatedEnum() {
        let type = fresh(["Op", "Command", "Action"]), apply = fresh(["apply", "run", "perform"])
        isolated {
            self.emit("enum \(type) {")
            self.nested {
                self.emit("case add(Int)")
                self.emit("case mul(Int)")
                self.emit("case neg")
                self.emit("case set(to: Int)")
            }
            self.emit("}")
            self.emit("func \(apply)(_ op: \(type), to x: Int) -> Int {")
            self.nested {
                self.emit("switch op {")
                self.emit("case .add(let n): return x + n")
                self.emit("case let .mul(n) where n > 1: return x * n")
                self.emit("case .mul: return x")
                self.emit("case .neg: return -x")
                self.emit("case .set(let v): return v")
                self.emit("}")
            }
            self.emit("}")
        }
        let ops = (0..<int(2...5)).map { _ -> String in
            switch int(0...3) {
            case 0: return ".add(\(int(-5...9)))"
            case 1: return ".mul(\(int(0...3)))"
            case 2: return ".neg"
            default: return ".set(to: \(int(0...9)))"
            }
        }
        let list = fresh(["ops", "program", "script"]), acc = fresh(["acc", "result"]), op = fresh(["op", "step"])
        emit("let \(list): [\(type)] = [\(ops.joined(separator: ", "))]")
        emit("var \(acc) = \(int(0...9))")
        emit("for \(op) in \(list) {")
        nested {
            self.emit("\(acc) = \(apply)(\(op), to: \(acc))")
            if self.chance(0.5) { self.emit("print(\(op), \(acc))") }
        }
        emit("}")
        emit("print(\(acc))")
        let n = fresh(["n", "amount"])
        emit("if case .add(let \(n)) = \(list)[0] {")
        nested { self.emit("print(\"starts with add\", \(n))") }
        emit("} else if case .set = \(list)[0] {")
        nested { self.emit("print(\"starts with set\")") }
        emit("} else {")
        nested { self.emit("print(\"starts with\", \(list)[0])") }
        emit("}")
        if chance(0.5) {
            let c = fresh(["adds", "muls"])
            emit("let \(c) = \(list).filter { if case .add = $0 { return true } else { return false } }.count")
            emit("print(\(c), \(type).set(to: 4), \(type).neg)")
        }
    }

    private func emitPlainEnum() {
        let type = fresh(["Direction", "Suit", "Level", "Light"])
        let cases = pick([["north", "east", "south", "west"], ["red", "amber", "green"], ["low", "mid", "high", "max2"]])
        let iterable = chance(0.6)
        let next = fresh(["next", "turned", "following"])
        isolated {
            self.emit("enum \(type)\(iterable ? ": CaseIterable" : "") {")
            self.nested {
                self.emit("case \(cases.joined(separator: ", "))")
                self.emit("var \(next): \(type) {")
                self.nested {
                    self.emit("switch self {")
                    for (i, c) in cases.enumerated() {
                        self.emit("case .\(c): return .\(cases[(i + 1) % cases.count])")
                    }
                    self.emit("}")
                }
                self.emit("}")
            }
            self.emit("}")
        }
        let v = fresh(["d", "current", "state"])
        emit("var \(v) = \(type).\(pick(cases))")
        emit("print(\(v), \(v).\(next), \(v) == .\(cases[0]), \(v) != .\(cases[1]))")
        emit("\(v) = \(v).\(next).\(next)")
        emit("switch \(v) {")
        emit("case .\(cases[0]), .\(cases[1]):")
        nested { self.emit("print(\"first half\", \(v))") }
        emit("default:")
        nested { self.emit("print(\"second half\")") }
        emit("}")
        if iterable {
            let c = fresh(["c", "each"])
            emit("print(\(type).allCases.count, \(type).allCases.map { \"\\($0)\" })")
            emit("for \(c) in \(type).allCases where \(c) != .\(cases[0]) {")
            nested { self.emit("print(\(c), \(c).\(next))") }
            emit("}")
        }
    }

    private func emitRawValueEnum() {
        if chance(0.5) {
            let type = fresh(["Priority", "Rank", "Grade"]), first = int(0...5)
            isolated {
                self.emit("enum \(type): Int {")
                self.nested { self.emit("case low = \(first), medium, high, urgent = \(first + 10)") }
                self.emit("}")
            }
            emit("print(\(type).medium.rawValue, \(type).urgent.rawValue, \(type)(rawValue: \(first + 2)) == .high, \(type)(rawValue: 99) == nil)")
            emit("print(\(type).high, \(type)(rawValue: \(first))!)")
            let p = fresh(["p", "prio"])
            emit("if let \(p) = \(type)(rawValue: \(pick([first + 1, first + 10, 50]))) {")
            nested { self.emit("print(\"valid\", \(p), \(p).rawValue * 2)") }
            emit("} else {")
            nested { self.emit("print(\"invalid\")") }
            emit("}")
        } else {
            let type = fresh(["Token", "Color", "Mark"])
            isolated {
                self.emit("enum \(type): String {")
                self.nested { self.emit("case plus = \"+\", minus = \"-\", star, slash = \"/\"") }
                self.emit("}")
            }
            emit("print(\(type).star.rawValue, \(type).plus.rawValue + \(type).minus.rawValue, \(type)(rawValue: \"/\") ?? .star)")
            emit("print(\(type)(rawValue: \"?\") == nil, \(type).slash)")
        }
    }

    private func emitShapeEnum() {
        let type = fresh(["Shape", "Figure", "Form"]), area = fresh(["area", "size"])
        isolated {
            self.emit("enum \(type) {")
            self.nested {
                self.emit("case circle(radius: Double)")
                self.emit("case rect(w: Int, h: Int)")
                self.emit("case empty")
                self.emit("var \(area): Double {")
                self.nested {
                    self.emit("switch self {")
                    self.emit("case .circle(let r): return 3 * r * r")
                    self.emit("case let .rect(w, h): return Double(w * h)")
                    self.emit("case .empty: return 0")
                    self.emit("}")
                }
                self.emit("}")
            }
            self.emit("}")
        }
        let shapes = fresh(["shapes", "figures"]), s = fresh(["s", "shape"])
        let items = (0..<int(2...4)).map { _ -> String in
            switch int(0...2) {
            case 0: return ".circle(radius: \(chance(0.5) ? "\(int(1...5))" : doubleLiteral().text))"
            case 1: return ".rect(w: \(int(1...9)), h: \(int(1...9)))"
            default: return ".empty"
            }
        }
        emit("let \(shapes): [\(type)] = [\(items.joined(separator: ", "))]")
        emit("for \(s) in \(shapes) {")
        nested {
            self.emit("switch \(s) {")
            self.emit("case .circle(let r) where r > 2:")
            self.nested { self.emit("print(\"big circle\", r)") }
            self.emit("case .circle(let r):")
            self.nested { self.emit("print(\"circle\", r * 2)") }
            self.emit("case let .rect(w, h) where w > \(self.int(2...6)):")
            self.nested { self.emit("print(\"wide\", w * h)") }
            self.emit("case .rect(let w, _):")
            self.nested { self.emit("print(\"rect\", w)") }
            self.emit("default:")
            self.nested { self.emit("print(\"other\", \(s))") }
            self.emit("}")
        }
        emit("}")
        emit("print(\(shapes).map { $0.\(area) }, \(shapes).map { $0.\(area) }.reduce(0, +))")
        emit("print(\(shapes)[0])")
    }

    // MARK: Functions

    /// Functions: argument labels, default arguments, `inout`, small recursion, generics with
    /// `Comparable`, variadics, nested functions, tuple returns, functions as values.
    func emitFunctions() {
        some(int(2...4), of: [
            { self.labeledFunction() },
            { self.inoutFunction() },
            { self.recursiveFunction() },
            { self.genericFunction() },
            { self.variadicFunction() },
            { self.nestedFunction() },
            { self.functionAsValue() },
            { self.functionWithSideEffects() },
        ])
    }

    private func labeledFunction() {
        let f = fresh(["greet", "label", "describe"])
        emit("func \(f)(_ name: String, with greeting: String = \"Hello\", times: Int = 1) -> String {")
        nested { self.emit("return String(repeating: greeting + \" \", count: times) + name") }
        emit("}")
        emit("print(\(f)(\"\(pick(ProgramBuilder.words))\"), \(f)(\"x\", with: \"Hi\"), \(f)(\"y\", times: \(int(0...2))))")
        emit("print(\(f)(\"z\", with: \"Yo\", times: 2))")
    }

    private func inoutFunction() {
        let swap = fresh(["swapValues", "exchange"]), bump = fresh(["bump", "raise"])
        let p = fresh(["p", "left"]), q = fresh(["q", "right"])
        emit("func \(swap)(_ a: inout Int, _ b: inout Int) {")
        nested {
            self.emit("let t = a")
            self.emit("a = b")
            self.emit("b = t")
        }
        emit("}")
        emit("func \(bump)(_ x: inout Int, by d: Int = 1) { x += d }")
        emit("var \(p) = \(int(0...9)), \(q) = \(int(10...20))")
        emit("\(swap)(&\(p), &\(q))")
        emit("\(bump)(&\(p))")
        emit("\(bump)(&\(q), by: \(int(2...9)))")
        emit("print(\(p), \(q))")
        if chance(0.5) {
            let arr = fresh(["arr", "slots"])
            emit("var \(arr) = \(literal(smallInts(2...4, in: 0...9)))")
            emit("\(bump)(&\(arr)[1], by: 5)")
            emit("\(swap)(&\(p), &\(arr)[0])")
            emit("print(\(arr), \(p))")
        }
    }

    private func recursiveFunction() {
        switch int(0...4) {
        case 0:
            let f = fresh(["factorial", "fact"])
            emit("func \(f)(_ n: Int) -> Int { n <= 1 ? 1 : n * \(f)(n - 1) }")
            emit("print(\(f)(\(int(0...10))), (1...5).map(\(f)))")
        case 1:
            let f = fresh(["fib", "fibonacci"])
            emit("func \(f)(_ n: Int) -> Int {")
            nested {
                self.emit("if n < 2 { return n }")
                self.emit("return \(f)(n - 1) + \(f)(n - 2)")
            }
            emit("}")
            emit("print(\(f)(\(int(5...15))), (0..<8).map { \(f)($0) })")
        case 2:
            let f = fresh(["gcd", "divisor"])
            emit("func \(f)(_ a: Int, _ b: Int) -> Int { b == 0 ? a : \(f)(b, a % b) }")
            emit("print(\(f)(\(int(1...200)), \(int(1...200))), \(f)(\(int(1...50)), 0))")
        case 3:
            let f = fresh(["digitSum", "sumDigits"])
            emit("func \(f)(_ n: Int) -> Int {")
            nested {
                self.emit("guard n >= 10 else { return n }")
                self.emit("return n % 10 + \(f)(n / 10)")
            }
            emit("}")
            emit("print(\(f)(\(int(0...99999))), \(f)(7))")
        default:
            let f = fresh(["hanoi", "moves"])
            emit("func \(f)(_ n: Int, from a: String, to b: String, via c: String) -> Int {")
            nested {
                self.emit("if n == 0 { return 0 }")
                self.emit("let before = \(f)(n - 1, from: a, to: c, via: b)")
                self.emit("if n == \(self.int(1...3)) { print(\"move\", a, b) }")
                self.emit("return before + 1 + \(f)(n - 1, from: c, to: b, via: a)")
            }
            emit("}")
            emit("print(\(f)(\(int(1...4)), from: \"A\", to: \"C\", via: \"B\"))")
        }
    }

    private func genericFunction() {
        if chance(0.5) {
            let f = fresh(["largest", "maximum", "biggest"])
            emit("func \(f)<T: Comparable>(_ xs: [T]) -> T? {")
            nested {
                self.emit("guard var best = xs.first else { return nil }")
                self.emit("for x in xs where x > best {")
                self.nested { self.emit("best = x") }
                self.emit("}")
                self.emit("return best")
            }
            emit("}")
            emit("print(\(f)(\(literal(smallInts()))) ?? 0, \(f)(\(literal(distinctWords(3))))!, \(f)([Double]()) ?? -1)")
            emit("print(\(f)([\(doubleLiteral().text), \(int(0...9))]) ?? 0)")
        } else {
            let f = fresh(["clamp", "bounded"])
            emit("func \(f)<T: Comparable>(_ v: T, _ lo: T, _ hi: T) -> T { min(max(v, lo), hi) }")
            emit("print(\(f)(\(int(-5...20)), 0, 10), \(f)(\(doubleLiteral().text), 0, 1), \(f)(\"m\", \"a\", \"f\"))")
            if chance(0.5) {
                let g = fresh(["pairUp", "both"])
                emit("func \(g)<A, B>(_ a: A, _ b: B) -> (A, B) { (a, b) }")
                emit("print(\(g)(1, \"one\"), \(g)(\(g)(true, 2), [3]))")
            }
        }
    }

    private func variadicFunction() {
        let f = fresh(["sum", "addAll", "total"])
        emit("func \(f)(_ xs: Int...) -> Int { xs.reduce(0, +) }")
        emit("print(\(f)(), \(f)(\(int(0...9))), \(f)(\(smallInts(2...5, in: 0...9).map(String.init).joined(separator: ", "))))")
        if chance(0.5) {
            let g = fresh(["average", "mean"])
            emit("func \(g)(_ xs: Double...) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }")
            emit("print(\(g)(\(int(1...9)), \(int(1...9)), \(doubleLiteral().text)), \(g)())")
        }
    }

    private func nestedFunction() {
        let outer = fresh(["summarize", "report", "stats"])
        emit("func \(outer)(_ xs: [Int]) -> (min: Int, max: Int, sum: Int) {")
        nested {
            self.emit("func add(_ a: Int, _ b: Int) -> Int { a + b }")
            self.emit("var lo = xs[0], hi = xs[0], total = 0")
            self.emit("for x in xs {")
            self.nested {
                self.emit("lo = min(lo, x)")
                self.emit("hi = max(hi, x)")
                self.emit("total = add(total, x)")
            }
            self.emit("}")
            self.emit("return (lo, hi, total)")
        }
        emit("}")
        let r = fresh(["r", "stats1"])
        emit("let \(r) = \(outer)(\(literal(smallInts(1...5))))")
        emit("print(\(r).min, \(r).max, \(r).sum, \(r))")
        let lo = fresh(["lo", "low"]), hi = fresh(["hi", "high"])
        emit("let (\(lo), \(hi), _) = \(outer)(\(literal(smallInts(1...4))))")
        emit("print(\(lo), \(hi))")
    }

    private func functionAsValue() {
        let square = fresh(["square", "double2", "negate"])
        emit("func \(square)(_ x: Int) -> Int { \(pick(["x * x", "x + x", "-x"])) }")
        let f = fresh(["f", "transform"])
        emit("let \(f): (Int) -> Int = \(square)")
        emit("print(\(f)(\(int(0...9))), \(literal(smallInts(2...4, in: 0...9))).map(\(square)), [\(square), { $0 + 1 }].map { $0(3) })")
    }

    private func functionWithSideEffects() {
        let calls = fresh(["calls", "invocations"]), f = fresh(["tracked", "logged"])
        emit("var \(calls) = 0")
        emit("func \(f)(_ x: Int) -> Int {")
        nested {
            self.emit("\(calls) += 1")
            self.emit("return x * 2")
        }
        emit("}")
        emit("let r\(calls) = \(f)(1) + \(f)(2)")
        emit("print(r\(calls), \(calls))")
        emit("_ = \(f)(3)")
        emit("print(\(calls), false && \(f)(4) > 0, \(calls), true || \(f)(5) > 0, \(calls))")
    }

    // MARK: Optionals

    /// Optionals: `if let`, `guard let` in functions, `??`, optional chaining, `map`,
    /// `compactMap`, `switch` over `.some`/`.none`, failable `Int(String)`.
    func emitOptionals() {
        let maybe = fresh(["maybe", "parsed", "found"])
        let isNil = chance(0.3)
        let v = int(0...20)
        emit("let \(maybe): Int? = \(isNil ? "nil" : "\(v)")")
        some(int(2...5), of: [
            {
                let m = self.fresh(["m", "value"])
                self.emit("if let \(m) = \(maybe) {")
                self.nested { self.emit("print(\"got\", \(m), \(m) * 2)") }
                self.emit("} else {")
                self.nested { self.emit("print(\"none\")") }
                self.emit("}")
            },
            { self.emit("print(\(maybe) ?? -1, \(maybe).map { $0 * 3 } ?? 0, \(maybe) as Any, \(maybe) == \(v), \(maybe) != nil)") },
            {
                self.emit("if let \(maybe), \(maybe) > \(self.int(0...15)) {")
                self.nested { self.emit("print(\"large\", \(maybe))") }
                self.emit("}")
            },
            {
                self.emit("switch \(maybe) {")
                self.emit("case .some(let x) where x > 10:")
                self.nested { self.emit("print(\"big\", x)") }
                self.emit("case .some(let x):")
                self.nested { self.emit("print(\"small\", x)") }
                self.emit("case .none:")
                self.nested { self.emit("print(\"nothing\")") }
                self.emit("}")
            },
            {
                let f = self.fresh(["describe", "show"])
                self.emit("func \(f)(_ v: Int?) -> String {")
                self.nested {
                    self.emit("guard let v = v else { return \"nothing\" }")
                    self.emit("return \"value \\(v)\"")
                }
                self.emit("}")
                self.emit("print(\(f)(\(maybe)), \(f)(nil), \(f)(\(self.int(0...9))))")
            },
            {
                let nums = self.fresh(["numbers", "valid"])
                self.emit("let \(nums) = [\"\(self.int(0...99))\", \"x\(self.int(0...9))\", \"\(self.int(-9...9))\", \"\"].compactMap { Int($0) }")
                self.emit("print(\(nums), Int(\"\(self.int(0...999))\") ?? 0, Int(\"4.5\") ?? -1, Double(\"2.5\") ?? 0)")
            },
            {
                let word = self.fresh(["word", "title"])
                self.emit("let \(word): String? = \(self.chance(0.7) ? "\"\(self.pick(ProgramBuilder.words))\"" : "nil")")
                self.emit("print(\(word)?.count ?? 0, \(word)?.uppercased() ?? \"-\", \(word)?.first ?? \"?\", \(word)?.isEmpty == false)")
            },
            {
                let f = self.fresh(["firstNegative", "firstOdd"])
                self.emit("func \(f)(_ xs: [Int]) -> Int? {")
                self.nested {
                    self.emit("for x in xs where x < 0 || x % 2 != 0 {")
                    self.nested { self.emit("return x") }
                    self.emit("}")
                    self.emit("return nil")
                }
                self.emit("}")
                self.emit("print(\(f)(\(self.literal(self.smallInts()))) ?? 0, \(f)([2, 4]) ?? 0)")
            },
            {
                let o = self.fresh(["opt", "slot"])
                self.emit("var \(o): Int? = nil")
                self.emit("print(\(o) ?? \(self.int(0...9)))")
                self.emit("\(o) = \(self.int(1...9))")
                self.emit("\(o)! += 1")
                self.emit("\(o)? *= 2")
                self.emit("print(\(o)!, \(o) ?? 0)")
            },
            {
                let a = self.fresh(["a", "lhs"]), b = self.fresh(["b", "rhs"])
                self.emit("let \(a): Int? = \(self.int(0...9)), \(b): Int? = \(self.chance(0.7) ? "\(self.int(0...9))" : "nil")")
                self.emit("if let x = \(a), let y = \(b), x <= y {")
                self.nested { self.emit("print(\"ordered\", x, y)") }
                self.emit("} else {")
                self.nested { self.emit("print(\"not ordered\", \(a) ?? -1, \(b) ?? -1)") }
                self.emit("}")
            },
            {
                let arr = self.fresh(["arr", "values"])
                self.emit("let \(arr): [Int]? = \(self.chance(0.7) ? self.literal(self.smallInts()) : "nil")")
                self.emit("print(\(arr)?.count ?? 0, \(arr)?.first ?? -1, \(arr)?.map { $0 + 1 } ?? [])")
            },
        ])
    }

    // MARK: Tuples

    /// Tuples: destructuring, labels, tuple returns, comparison, `zip`, tuples in arrays.
    func emitTuples() {
        some(int(2...4), of: [
            {
                let pair = self.fresh(["pair", "entry"]), num = self.fresh(["num", "n"]), name = self.fresh(["name", "word"])
                self.emit("let \(pair) = (\(self.int(0...9)), \"\(self.pick(ProgramBuilder.words))\")")
                self.emit("let (\(num), \(name)) = \(pair)")
                self.emit("print(\(num), \(name), \(pair).0, \(pair).1, \(pair))")
            },
            {
                let pt = self.fresh(["point", "pos"])
                self.emit("var \(pt) = (x: \(self.int(0...9)), y: \(self.int(0...9)))")
                self.emit("\(pt).x += \(self.int(1...5))")
                self.emit("\(pt).y = \(pt).x * 2")
                self.emit("print(\(pt).x, \(pt).y, \(pt), \(pt).0)")
            },
            {
                let f = self.fresh(["divmod", "split"]), q = self.fresh(["q", "quot"]), r = self.fresh(["r", "rem"])
                self.emit("func \(f)(_ a: Int, _ b: Int) -> (q: Int, r: Int) { (a / b, a % b) }")
                self.emit("let (\(q), \(r)) = \(f)(\(self.int(-30...50)), \(self.pick([2, 3, 7, -4])))")
                self.emit("print(\(q), \(r), \(f)(\(self.int(0...20)), 6).r)")
            },
            {
                self.emit("print((1, 2) < (1, 3), (2, \"a\") > (1, \"b\"), (\(self.int(0...3)), \(self.int(0...3))) == (\(self.int(0...3)), \(self.int(0...3))))")
            },
            {
                let a = self.literal(self.smallInts(2...4, in: 0...9)), b = self.literal(self.distinctWords(3))
                let x = self.fresh(["x", "n"]), y = self.fresh(["y", "s"])
                self.emit("for (\(x), \(y)) in zip(\(a), \(b)) {")
                self.nested { self.emit("print(\(x), \(y))") }
                self.emit("}")
            },
            {
                let pairs = self.fresh(["pairs", "couples"]), i = self.fresh(["i", "a"]), j = self.fresh(["j", "b"])
                self.emit("var \(pairs): [(Int, Int)] = []")
                self.emit("for \(i) in 0..<3 {")
                self.nested {
                    self.emit("for \(j) in \(i)..<3 {")
                    self.nested { self.emit("\(pairs).append((\(i), \(j)))") }
                    self.emit("}")
                }
                self.emit("}")
                self.emit("print(\(pairs), \(pairs).count, \(pairs).map { $0.0 + $0.1 })")
            },
            {
                let x = self.fresh(["x", "m"]), y = self.fresh(["y", "k"])
                self.emit("var (\(x), \(y)) = (\(self.int(0...9)), \(self.int(0...9)))")
                self.emit("(\(x), \(y)) = (\(y), \(x))")
                self.emit("print(\(x), \(y))")
            },
        ])
    }

    // MARK: Loops

    /// Loops: closed and half-open ranges, `stride` (Int and Double, up and down), `while`,
    /// `repeat`, `where` clauses, `reversed()`, labeled `break`/`continue`, `switch` in loops.
    func emitLoops() {
        some(int(2...4), of: [
            {
                let total = self.fresh(["total", "sum"]), i = self.fresh(["i", "k"]), n = self.int(1...10), k = self.int(1...9)
                self.emit("var \(total) = 0")
                self.loop("for \(i) in 1...\(n)", times: n) { self.emit("\(total) += \(i) * \(k)") }
                self.emit("print(\(total))")
                self.declare(Variable(name: total, kind: .int, bound: n * n * k, isMutable: true))
            },
            {
                let i = self.fresh(["i", "t"]), from = self.int(-5...5), to = self.int(6...20), by = self.int(2...5)
                if self.chance(0.5) {
                    self.emit("for \(i) in stride(from: \(from), to: \(to), by: \(by)) {")
                } else {
                    self.emit("for \(i) in stride(from: \(to), through: \(from), by: -\(by)) {")
                }
                self.nested { self.emit("print(\(i), terminator: \" \")") }
                self.emit("}")
                self.emit("print()")
            },
            {
                let x = self.fresh(["x", "t"])
                self.emit("for \(x) in stride(from: 0.0, through: \(self.int(1...2)).0, by: \(self.pick(["0.25", "0.5", "0.1"]))) {")
                self.nested { self.emit("print(\(x), \(x) * \(x))") }
                self.emit("}")
            },
            {
                let n = self.fresh(["n", "cur"]), steps = self.fresh(["steps", "count2"])
                self.emit("var \(n) = \(self.int(2...60)), \(steps) = 0")
                self.emit("while \(n) != 1 && \(steps) < 100 {")
                self.nested {
                    self.emit("\(n) = \(n) % 2 == 0 ? \(n) / 2 : 3 * \(n) + 1")
                    self.emit("\(steps) += 1")
                }
                self.emit("}")
                self.emit("print(\(n), \(steps))")
            },
            {
                let k = self.fresh(["k", "tries"]), limit = self.int(0...12), step = self.int(1...4)
                self.emit("var \(k) = 0")
                self.emit("repeat {")
                self.nested { self.emit("\(k) += \(step)") }
                self.emit("} while \(k) < \(limit)")
                self.emit("print(\(k))")
            },
            {
                let i = self.fresh(["i", "v"]), n = self.int(3...12), m = self.pick([2, 3])
                let acc = self.fresh(["picked", "hits"])
                self.emit("var \(acc): [Int] = []")
                self.emit("for \(i) in (0..<\(n)).reversed() where \(i) % \(m) == 0 {")
                self.nested { self.emit("\(acc).append(\(i))") }
                self.emit("}")
                self.emit("print(\(acc))")
            },
            {
                let i = self.fresh(["i", "row"]), j = self.fresh(["j", "col"]), target = self.int(1...6)
                let label = self.fresh(["outer", "search"])
                self.emit("\(label): for \(i) in 0..<4 {")
                self.nested {
                    self.emit("for \(j) in 0..<4 {")
                    self.nested {
                        self.emit("if \(j) > \(i) { continue \(label) }")
                        self.emit("if \(i) * \(j) == \(target) { print(\"found\", \(i), \(j)); break \(label) }")
                        self.emit("print(\(i), \(j))")
                    }
                    self.emit("}")
                }
                self.emit("}")
            },
            {
                let n = self.fresh(["n", "v"])
                self.emit("for \(n) in \(self.literal(self.smallInts(3...5, in: -5...15))) {")
                self.nested {
                    self.emit("switch \(n) {")
                    self.emit("case 0:")
                    self.nested { self.emit("print(\"zero\")") }
                    self.emit("case 1...5:")
                    self.nested { self.emit("print(\"small\", \(n))") }
                    self.emit("case let x where x < 0:")
                    self.nested { self.emit("print(\"negative\", -x)") }
                    self.emit("case 6..<10, 12:")
                    self.nested { self.emit("print(\"medium\")") }
                    self.emit("default:")
                    self.nested { self.emit("print(\"large\", \(n) % 10)") }
                    self.emit("}")
                }
                self.emit("}")
            },
            {
                let a = self.fresh(["a", "p"]), b = self.fresh(["b", "q"])
                self.emit("let \(a) = \(self.int(-2...2)), \(b) = \(self.int(-2...2))")
                self.emit("switch (\(a), \(b)) {")
                self.emit("case (0, 0):")
                self.nested { self.emit("print(\"origin\")") }
                self.emit("case (let x, 0):")
                self.nested { self.emit("print(\"on x\", x)") }
                self.emit("case (0, let y) where y > 0:")
                self.nested { self.emit("print(\"up\", y)") }
                self.emit("case let (x, y) where x == y:")
                self.nested { self.emit("print(\"diagonal\", x)") }
                self.emit("default:")
                self.nested { self.emit("print(\"elsewhere\", \(a) + \(b))") }
                self.emit("}")
            },
            {
                let i = self.fresh(["i", "n"]), found = self.fresh(["firstSquare", "hit"]), target = self.int(5...60)
                self.emit("var \(found) = -1")
                self.emit("for \(i) in 1...10 {")
                self.nested {
                    self.emit("if \(i) * \(i) > \(target) {")
                    self.nested {
                        self.emit("\(found) = \(i)")
                        self.emit("break")
                    }
                    self.emit("}")
                }
                self.emit("}")
                self.emit("print(\(found))")
            },
            {
                let c = self.fresh(["c", "ch"]), w = self.pick(ProgramBuilder.words)
                self.emit("for \(c) in \"\(w)\" where \(c) != \"\(w.last!)\" {")
                self.nested { self.emit("print(\(c), terminator: \"|\")") }
                self.emit("}")
                self.emit("print(\"\")")
            },
            {
                let i = self.fresh(["i", "r"]), n = self.int(2...4), line = self.fresh(["line", "bar"])
                self.loop("for \(i) in 0..<\(n)", times: n) {
                    self.emit("var \(line) = \"\"")
                    self.emit("for _ in 0...\(i) { \(line) += \"*\" }")
                    self.emit("print(\(line))")
                }
            },
        ])
    }
}
