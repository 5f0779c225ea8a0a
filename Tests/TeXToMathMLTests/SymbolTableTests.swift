import Testing
@testable import TeXToMathML

/// The symbol tables are data; these tests check the data against Unicode itself.
@Suite("Symbol tables")
struct SymbolTableTests {
    @Test("every symbol command converts alone to well-formed MathML")
    func everySymbol() throws {
        #expect(Symbols.commands.count > 350)
        for name in Symbols.commands.keys.sorted() {
            let tex = "\\" + name
            let mathML = try MathMLConverter().convert(tex, display: false)
            #expect(WellFormedness.problems(in: mathML).isEmpty, "\(tex)")
        }
    }

    @Test("every function, accent, font and text command converts with an argument")
    func everyCommandFamily() throws {
        let converter = MathMLConverter()
        for name in Symbols.functions.keys { _ = try converter.convert("\\\(name)_i x", display: true) }
        for name in Symbols.accents.keys { _ = try converter.convert("\\\(name){x}", display: false) }
        for name in Parser.fontCommands.keys { _ = try converter.convert("\\\(name){Ax2}", display: false) }
        for name in Parser.textCommands.keys { _ = try converter.convert("\\\(name){a b}", display: false) }
        for name in Parser.environments.keys.sorted() {
            let argument = Parser.environments[name]?.argument
            let spec = argument == .columns ? "{cc}" : argument == .count ? "{2}" : ""
            let mathML = try converter.convert("\\begin{\(name)}\(spec) a & b \\\\ c & d \\end{\(name)}", display: true)
            #expect(mathML.contains("<mtable"), "\(name)")
        }
    }

    @Test("every spacing command has the width TeX gives it")
    func spaces() {
        #expect(Symbols.spaces[","] == 3.0 / 18)
        #expect(Symbols.spaces[":"] == 4.0 / 18)
        #expect(Symbols.spaces[";"] == 5.0 / 18)
        #expect(Symbols.spaces["!"] == -3.0 / 18)
        #expect(Symbols.spaces["quad"] == 1)
        #expect(Symbols.spaces["qquad"] == 2)
    }

    /// The Unicode name of each mapped letter must be the alphabet's: the oracle is the
    /// Unicode Character Database, not the table.
    @Test("math alphabets map letters to the right Unicode characters", arguments: [
        (MathFont.bold, ["MATHEMATICAL BOLD"]),
        (MathFont.italic, ["MATHEMATICAL ITALIC", "PLANCK CONSTANT"]),
        (MathFont.boldItalic, ["MATHEMATICAL BOLD ITALIC"]),
        (MathFont.script, ["MATHEMATICAL SCRIPT", "SCRIPT"]),
        (MathFont.boldScript, ["MATHEMATICAL BOLD SCRIPT"]),
        (MathFont.fraktur, ["MATHEMATICAL FRAKTUR", "BLACK-LETTER"]),
        (MathFont.boldFraktur, ["MATHEMATICAL BOLD FRAKTUR"]),
        (MathFont.doubleStruck, ["MATHEMATICAL DOUBLE-STRUCK", "DOUBLE-STRUCK"]),
        (MathFont.sansSerif, ["MATHEMATICAL SANS-SERIF"]),
        (MathFont.sansSerifBold, ["MATHEMATICAL SANS-SERIF BOLD"]),
        (MathFont.sansSerifItalic, ["MATHEMATICAL SANS-SERIF ITALIC"]),
        (MathFont.monospace, ["MATHEMATICAL MONOSPACE"]),
    ])
    func alphabets(font: MathFont, prefixes: [String]) throws {
        for (range, kind) in [(UInt32(0x41)...0x5A, "CAPITAL"), (UInt32(0x61)...0x7A, "SMALL")] {
            for value in range {
                let letter = Unicode.Scalar(value)!
                let mapped = try #require(font.map(letter))
                let name = mapped.properties.name ?? ""
                if name == "PLANCK CONSTANT" { continue }  // italic h
                let expectedEnd = kind + " " + String(Character(letter)).uppercased()
                // Exactly the alphabet's name and the letter: a letter from another style's
                // block (a wrong offset or hole) would have another name.
                #expect(prefixes.contains { name == $0 + " " + expectedEnd }, "\(font) \(letter) → \(name)")
            }
        }
    }

    @Test("bold and double-struck digits, and bold Greek")
    func digitsAndGreek() {
        #expect(MathFont.bold.map("0")?.properties.name == "MATHEMATICAL BOLD DIGIT ZERO")
        #expect(MathFont.doubleStruck.map("1")?.properties.name == "MATHEMATICAL DOUBLE-STRUCK DIGIT ONE")
        #expect(MathFont.bold.map("Σ")?.properties.name == "MATHEMATICAL BOLD CAPITAL SIGMA")
        #expect(MathFont.bold.map("μ") == nil)  // \mathbf leaves lower-case Greek alone, as TeX does
        #expect(MathFont.boldSymbol.map("μ")?.properties.name == "MATHEMATICAL BOLD ITALIC SMALL MU")
        #expect(MathFont.boldSymbol.map("ϵ")?.properties.name == "MATHEMATICAL BOLD ITALIC EPSILON SYMBOL")
        #expect(MathFont.boldSymbol.map("∇")?.properties.name == "MATHEMATICAL BOLD NABLA")
        #expect(MathFont.italic.map("Γ")?.properties.name == "MATHEMATICAL ITALIC CAPITAL GAMMA")
        #expect(MathFont.roman.map("x") == nil)
    }

    @Test("Greek commands give the Computer Modern shapes: \\phi is ϕ, \\varphi is φ")
    func greekShapes() {
        #expect(Symbols.greek["phi"]?.text.unicodeScalars.first?.properties.name == "GREEK PHI SYMBOL")
        #expect(Symbols.greek["varphi"]?.text.unicodeScalars.first?.properties.name == "GREEK SMALL LETTER PHI")
        #expect(Symbols.greek["epsilon"]?.text.unicodeScalars.first?.properties.name == "GREEK LUNATE EPSILON SYMBOL")
        #expect(Symbols.greek["varepsilon"]?.text.unicodeScalars.first?.properties.name == "GREEK SMALL LETTER EPSILON")
        for name in ["Gamma", "Delta", "Sigma", "Omega"] {
            #expect(Symbols.greek[name]?.kind == .identifier(upright: true), "\(name) is upright")
        }
    }

    @Test("negations are precomposed where Unicode has them")
    func negations() {
        for (symbol, negated) in Symbols.negations {
            let base = symbol.unicodeScalars.first!.properties.name ?? ""
            let name = negated.unicodeScalars.first!.properties.name ?? ""
            #expect(name.contains("NOT") || name.contains("NEITHER") || name.contains("DOES NOT") || name.contains("STROKE"),
                    "\(base) → \(name)")
        }
    }

    @Test("a typed Unicode symbol means what its command means")
    func typedCharacters() throws {
        #expect(try semanticsBody("x ≤ y", display: false) == (try semanticsBody(#"x \le y"#, display: false)))
        #expect(try semanticsBody("∑_i", display: false) == (try semanticsBody(#"\sum_i"#, display: false)))
        #expect(try semanticsBody("α", display: false) == (try semanticsBody(#"\alpha"#, display: false)))
    }
}

extension SymbolTableTests {
    @Test("typed minus, asterisk and middle dot are binary operators")
    func typedOperators() throws {
        #expect(try semanticsBody("a − b", display: false) == (try semanticsBody("a - b", display: false)))
        #expect(try semanticsBody("a ∗ b", display: false) == (try semanticsBody("a * b", display: false)))
        #expect(try semanticsBody("a · b", display: false) == "<mrow><mi>a</mi><mo>·</mo><mi>b</mi></mrow>")
    }

    /// Characters several commands share resolve to the same one in every run (the
    /// alphabetically first command), not to whichever a dictionary yields first.
    @Test("shared characters resolve deterministically")
    func sharedCharacters() {
        #expect(Symbols.characters["‖"] == Symbols.commands["Vert"])
        #expect(Symbols.characters["∫"] == Symbols.commands["int"])
        #expect(Symbols.characters["⋅"] == Symbols.commands["cdot"])
        #expect(Symbols.characters["−"] == Symbol.bin("\u{2212}"))
    }
}
