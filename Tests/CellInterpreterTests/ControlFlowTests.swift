import Testing
@testable import CellInterpreter

/// Statements, collections and text: the rest of the language, case by case.
struct ControlFlowTests {
    static let cases: [Case] = [
        Case("var s = 0\nfor i in 1...4 { s += i }\ns", "→ 10"),
        Case("var s = 0\nfor i in 0..<10 where i % 2 == 0 { s += i }\ns", "→ 20"),
        Case("var out: [Int] = []\nfor x in [3, 1, 2] { out.append(x * 10) }\nout", "→ [30, 10, 20]"),
        Case("for (i, x) in [\"a\", \"b\"].enumerated() { print(i, x) }", "0 a\n1 b"),
        Case("for (a, b) in zip([1, 2, 3], [10, 20]) { print(a + b) }", "11\n22"),
        Case("for c in \"hey\" { print(c) }", "h\ne\ny"),
        Case("var n = 0\nwhile n < 5 { n += 2 }\nn", "→ 6"),
        Case("var n = 10\nrepeat { n -= 3 } while n > 0\nn", "→ -2"),
        Case("var found = -1\nfor i in 0..<100 { if i * i > 50 { found = i; break } }\nfound", "→ 8"),
        Case("var odd = 0\nfor i in 0..<10 { if i % 2 == 0 { continue }\n odd += 1 }\nodd", "→ 5"),
        Case("var hits = 0\nouter: for i in 0..<5 { for j in 0..<5 { if j == 2 { continue outer }\n if i == 3 { break outer }\n hits += 1 } }\nhits", "→ 6"),
        Case("func f(_ x: Int) -> String {\n  guard x > 0 else { return \"non-positive\" }\n  return \"positive\"\n}\nf(-1)\nf(2)", "→ \"non-positive\"\n→ \"positive\""),
        Case("let x = 5\nif x > 3 { print(\"big\") } else if x > 1 { print(\"medium\") } else { print(\"small\") }", "big"),
        Case("let x = 2\nif x > 3 { print(\"big\") } else if x > 1 { print(\"medium\") } else { print(\"small\") }", "medium"),
        Case("let xs = [1, 2, 3]\nif let first = xs.first { print(first) }", "1"),
        Case("let xs: [Int] = []\nif let first = xs.first { print(first) } else { print(\"empty\") }", "empty"),
        Case("let xs = [4, 5]\nxs.first ?? 0", "→ 4"),
        Case("[Int]().first ?? 7", "→ 7"),
        Case("[Int](repeating: 1, count: 2)", "→ [1, 1]"),
        Case("1 << 4 | 1\n6 & 3\n5 ^ 1\n-8 >> 1", "→ 17\n→ 2\n→ 4\n→ -4"),
        Case("var m = 1\nm <<= 3\nm", "→ 8"),
        Case("1.5 << 2", "1:5: error: binary operator '<<' cannot be applied to operands of type 'Double' and 'Int'"),
        Case("let xs = [1, 2, 3]\nxs[1]\nxs[1..<3]\nxs.count", "→ 2\n→ [2, 3]\n→ 3"),
        Case("let xs = [1, 2, 3]\nxs[3]", "2:3: error: Fatal error: Index out of range\n2:3: note: index 3 of an array with 3 elements"),
        Case("var xs = [1, 2, 3]\nxs[0] = 9\nxs.removeLast()\nxs", "→ 3\n→ [9, 2]"),
        Case("var xs = [3, 1, 2]\nxs.insert(0, at: 1)\nxs.sorted()", "→ [0, 1, 2, 3]"),
        Case("[1, 2, 3].contains(2)", "→ true"),
        Case("[1, 2, 3].reversed()", "→ ReversedCollection<Array<Int>>(_base: [1, 2, 3])"),
        Case("let r: [Int] = [1, 2, 3].reversed()\nr", "→ [3, 2, 1]"),
        Case("[5, 2, 9].max()", "→ Optional(9)"),
        Case("[5, 2, 9].max()!", "→ 9"),
        Case("[Double]()", "→ []"),
        Case("Array(repeating: 0, count: 3)", "→ [0, 0, 0]"),
        Case("Array(0..<4)", "→ [0, 1, 2, 3]"),
        Case("stride(from: 0, to: 10, by: 3)", "→ Swift.StrideTo<Swift.Int>"),
        Case("Array(stride(from: 0, to: 10, by: 3))", "→ [0, 3, 6, 9]"),
        Case("Array(stride(from: 1.0, through: 2.0, by: 0.5))", "→ [1.0, 1.5, 2.0]"),
        Case("[\"a\", \"b\"].joined(separator: \"-\")", "→ \"a-b\""),
        Case("\"Hello\".count", "→ 5"),
        Case("\"Hello\".uppercased()", "→ \"HELLO\""),
        Case("\"a,b,c\".split(separator: \",\")", "→ [\"a\", \"b\", \"c\"]"),
        Case("String(format: \"%.3f and %d\", 3.14159, 42)", "→ \"3.142 and 42\""),
        Case("String(format: \"%d\", \"x\")", "1:1: error: format '%d' cannot format this argument\n1:1: note: use %d for Int, %f, %e or %g for Double, %@ or %s for String"),
        Case("Int(3.9)", "→ 3"),
        Case("Int(\"12\")", "→ Optional(12)"),
        Case("Int(\"12\")!", "→ 12"),
        Case("Double(3)", "→ 3.0"),
        Case("Double.pi", "→ 3.141592653589793"),
        Case("Int.max", "→ 9223372036854775807"),
        Case("Double.sqrt", "1:8: error: type 'Double' has no member 'sqrt'"),
        Case("let t = (1, \"a\")\nt.0\nt.1", "→ 1\n→ \"a\""),
        Case("var p = (x: 1, y: 2)\np.x = 5\np", "→ (x: 5, y: 2)"),
        Case("min(3, 1, 2)", "→ 1"),
        Case("max(1.5, 2)", "→ 2.0"),
        Case("abs(-3)", "→ 3"),
        Case("sqrt(16.0)", "→ 4.0"),
        Case("round(2.5)", "→ 3.0"),
        Case("let r = 0..<5\nr.count\nr.contains(3)", "→ 5\n→ true"),
        Case("let x = 3 as Double\nx", "→ 3.0"),
        Case("let s = \"a\" as? Int\ns", "→ nil"),
        Case("[1, 2].conut", "1:8: error: value of type '[Int]' has no member 'conut'; did you mean 'count'?"),
        Case("[1, 2].count()", "1:8: error: cannot call value of non-function type 'Int'"),
        Case("[1, 2].map(3)", "1:12: error: cannot convert value of type 'Int' to expected argument type '(Int) throws -> _'"),
        Case("Array(repeating: 0, count: -1)", "1:1: error: Fatal error: Can't construct Array with count < 0"),
        Case("var s = \"ab\"\nfor _ in 0..<40 { s = s + s }", "2:25: error: 67108864 characters is more than the limit of 50000000"),
        Case("var xs = [1]\nfor _ in 0..<40 { xs += xs }", "2:22: error: 67108864 elements is more than the limit of 50000000"),
    ]

    @Test(arguments: cases) func behaves(_ c: Case) { #expect(transcript(c.source) == c.expected) }
}

/// Limits end a cell with a clear error; the process and the session go on.
struct LimitTests {
    @Test func aRunawayLoopTimesOut() {
        let session = Session(limits: Limits(timeout: 0.3))
        let run = session.run(CellSource(code: "var n = 0\nwhile true { n += 1 }", file: "t.md", firstLine: 1))
        #expect(run.failure?.kind == .timeout)
        #expect(run.failure?.message == "the cell ran for more than 0.3 s and was stopped")
        #expect(run.seconds < 2)
        // The session is still usable.
        #expect(session.run(CellSource(code: "n > 0", file: "t.md", firstLine: 3)).outputs.count == 1)
    }

    @Test func aStepBudgetEndsTheCellAtTheSamePlaceEveryTime() {
        func turnsBeforeTheBudgetRunsOut() -> String {
            let session = Session(limits: Limits(maxSteps: 100_000))
            let run = session.run(CellSource(code: "var n = 0\nwhile true { n += 1 }", file: "t.md", firstLine: 1))
            #expect(run.failure?.kind == .timeout)
            #expect(run.failure?.message == "the cell took more than 100000 steps and was stopped")
            return "\(session.run(CellSource(code: "n", file: "t.md", firstLine: 3)).outputs)"
        }
        let first = turnsBeforeTheBudgetRunsOut()
        #expect(first.contains("text(\"10"), "\(first)")  // about 100,000 turns (in blocks of 4,096 steps)
        #expect(turnsBeforeTheBudgetRunsOut() == first)
        // Within the budget, a cell runs as usual.
        #expect(transcript("var s = 0\nfor i in 0..<1000 { s += i }\ns", limits: Limits(maxSteps: 100_000)) == "→ 499500")
    }

    @Test func aRunawayRecursionIsStopped() {
        let out = transcript("func f(_ n: Int) -> Int { f(n + 1) + 1 }\nf(0)")
        #expect(out.hasSuffix("error: recursion too deep: more than 2000 nested calls"))
    }

    @Test func deepButFiniteRecursionWorks() {
        #expect(transcript("func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }\ndepth(1500)") == "→ 1500")
    }

    @Test func aHugeTensorIsRefused() {
        let out = transcript("Tensor.ones([1 << 20, 1 << 20])")
        #expect(out.contains("has more elements than the limit of"))
    }

    @Test func aHugeArrayIsRefused() {
        #expect(transcript("Array(repeating: 0, count: 1 << 40)").contains("is more than the limit"))
    }
}
