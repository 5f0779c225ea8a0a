import Testing
@testable import TeXToMathML

/// Every item of issue 5's coverage list, as golden TeX → MathML cases.
@Suite("Golden TeX → MathML")
struct GoldenTests {
    static func check(_ golden: GoldenCase) throws {
        let body = try semanticsBody(golden.tex, display: golden.display)
        #expect(body == golden.mathML)
        #expect(WellFormedness.problems(in: body).isEmpty)
    }

    @Test("letters, numbers, operators", arguments: GoldenCase.basics)
    func basics(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("Greek letters and variants", arguments: GoldenCase.greek)
    func greek(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("sub/superscripts and primes", arguments: GoldenCase.scripts)
    func scripts(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("fractions, binomials, roots", arguments: GoldenCase.fractions)
    func fractions(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("big operators with limits", arguments: GoldenCase.bigOperators)
    func bigOperators(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("named functions and operatorname", arguments: GoldenCase.functions)
    func functions(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("fonts and text", arguments: GoldenCase.fonts)
    func fonts(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("accents, braces, rules", arguments: GoldenCase.accents)
    func accents(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("delimiters: left/middle/right and big", arguments: GoldenCase.delimiters)
    func delimiters(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("environments", arguments: GoldenCase.environments)
    func environments(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("spacing", arguments: GoldenCase.spacing)
    func spacing(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("relations, arrows, dots, symbols", arguments: GoldenCase.symbols)
    func symbols(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("overset, color, not, phantoms, classes, styles", arguments: GoldenCase.miscellany)
    func miscellany(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("tags", arguments: GoldenCase.tags)
    func tags(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("course formulas", arguments: GoldenCase.courseFormulas)
    func courseFormulas(_ golden: GoldenCase) throws { try Self.check(golden) }

    @Test("at least 250 golden formulas")
    func count() {
        let all = GoldenCase.basics + GoldenCase.greek + GoldenCase.scripts + GoldenCase.fractions
            + GoldenCase.bigOperators + GoldenCase.functions + GoldenCase.fonts + GoldenCase.accents
            + GoldenCase.delimiters + GoldenCase.environments + GoldenCase.spacing + GoldenCase.symbols
            + GoldenCase.miscellany + GoldenCase.tags + GoldenCase.courseFormulas
        #expect(all.count >= 250)
        // No case is listed twice (a duplicate would inflate the count).
        #expect(Set(all.map { ($0.display ? "D|" : "I|") + $0.tex }).count == all.count)
    }
}
