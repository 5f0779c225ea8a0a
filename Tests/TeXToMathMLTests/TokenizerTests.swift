import Testing
@testable import TeXToMathML

@Suite("Tokenizer")
struct TokenizerTests {
    static func tokens(_ tex: String) -> [Token] {
        let bytes = Array(tex.utf8)
        var tokenizer = Tokenizer(bytes: bytes, range: 0..<bytes.count)
        var tokens: [Token] = []
        while true {
            let token = tokenizer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    @Test("commands, characters and groups, with UTF-8 offsets")
    func kinds() {
        let tokens = Self.tokens(#"\alpha_{β}^2 \, x"#)
        #expect(tokens.map(\.kind) == [
            .command("alpha"), .underscore, .beginGroup, .character("β"), .endGroup, .caret,
            .character("2"), .command(","), .character("x"), .end,
        ])
        // β is two bytes, so everything after it is one byte further than its characters.
        #expect(tokens.map(\.offset) == [0, 6, 7, 8, 10, 11, 12, 14, 17, 18])
    }

    @Test("spaces and % comments are skipped in math")
    func comments() {
        #expect(Self.tokens("a % note\n b").map(\.kind) == [.character("a"), .character("b"), .end])
    }

    @Test("control symbols are one character; a trailing backslash is a character")
    func controlSymbols() {
        #expect(Self.tokens(#"\{\}\|\\"#).map(\.kind) == [.command("{"), .command("}"), .command("|"), .command("\\"), .end])
        #expect(Self.tokens("x\\").map(\.kind) == [.character("x"), .character("\\"), .end])
    }

    @Test("balanced raw reads ignore escaped braces")
    func balanced() {
        let bytes = Array(#"a\}b{c}d}rest"#.utf8)
        var tokenizer = Tokenizer(bytes: bytes, range: 0..<bytes.count)
        let range = tokenizer.readBalanced()
        #expect(range.map { tokenizer.text($0) } == #"a\}b{c}d"#)
        #expect(tokenizer.position == 9)
    }
}
