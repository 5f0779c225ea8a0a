import Foundation
import Testing
@testable import TeXToMathML

/// TeXToMathML against KaTeX on a corpus of 454 formulas: every formula of the course notes
/// and constructs notes use (`scripts/katex_oracle.py` wrote KaTeX 0.15.1's MathML for each to
/// KaTeX/corpus.json). Two renderings of a formula are compared as sequences of tokens —
/// each character of a leaf (`mi`, `mn`, `mo`, `mtext`, `ms`) with its element, and each
/// structural element (`mfrac`, `msub`, `msqrt`, `mtable`, `menclose`, …) — after Unicode
/// compatibility folding (𝐱 and `mathvariant="bold"` x compare equal); rows, styles and
/// attributes are ignored. Similarity is 2·LCS / (|a| + |b|), 1 for identical sequences.
@Suite("Similarity to KaTeX's MathML")
struct KaTeXSimilarityTests {
    struct Corpus: Decodable {
        struct Case: Decodable { let tex: String; let display: Bool; let katex: String }
        let katex: String
        let cases: [Case]
    }

    static let corpus: Corpus = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("KaTeX/corpus.json")
        // The file is committed with the tests; a missing or broken one fails the suite below.
        guard let data = try? Data(contentsOf: url), let corpus = try? JSONDecoder().decode(Corpus.self, from: data) else {
            return Corpus(katex: "missing", cases: [])
        }
        return corpus
    }()

    static let leaves: Set<String> = ["mi", "mn", "mo", "mtext", "ms"]
    static let structure: Set<String> = ["mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover",
                                         "munderover", "mtable", "mtr", "mtd", "menclose", "mphantom", "mspace", "merror"]

    /// The token sequence of a `<math>` element (see the suite's comment).
    static func tokens(_ mathML: String) -> [String] {
        var out: [String] = []
        var stack: [String] = []
        var rest = Substring(mathML)
        while !rest.isEmpty {
            if rest.first == "<" {
                guard let end = rest.firstIndex(of: ">") else { break }
                let tag = rest[rest.index(after: rest.startIndex)..<end]
                rest = rest[rest.index(after: end)...]
                if tag.hasPrefix("/") {
                    if !stack.isEmpty { stack.removeLast() }
                    continue
                }
                let name = String(tag.prefix { $0 != " " && $0 != "/" })
                if structure.contains(name), !stack.contains("annotation") { out.append(name) }
                if !tag.hasSuffix("/") { stack.append(name) }
                continue
            }
            let end = rest.firstIndex(of: "<") ?? rest.endIndex
            let text = decode(String(rest[..<end]))
            rest = rest[end...]
            guard let element = stack.last, leaves.contains(element), !stack.contains("annotation") else { continue }
            for ch in text.precomposedStringWithCompatibilityMapping where !ch.isWhitespace {
                out.append(element + ":" + String(ch))
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = "", rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "nbsp": out += "\u{00A0}"
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), let s = Unicode.Scalar(v) {
                    out.unicodeScalars.append(s)
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    static func similarity(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [0]
            current.reserveCapacity(b.count + 1)
            for (j, y) in b.enumerated() {
                current.append(x == y ? previous[j] + 1 : max(previous[j + 1], current[j]))
            }
            previous = current
        }
        return 2 * Double(previous[b.count]) / Double(a.count + b.count)
    }

    @Test("the metric: identical 1, tokenisation-blind, structure-aware")
    func metric() {
        let a = Self.tokens(#"<math><mrow><mi mathvariant="normal">K</mi><mi mathvariant="normal">L</mi></mrow></math>"#)
        let b = Self.tokens(#"<math><mi>KL</mi></math>"#)
        #expect(a == b)
        #expect(Self.tokens(#"<math><mi>𝐱</mi><mo>&lt;</mo><annotation>x</annotation></math>"#) == ["mi:x", "mo:<"])
        #expect(Self.similarity(["mfrac", "mi:a", "mi:b"], ["mi:a", "mi:b"]) == 0.8)
    }

    @Test("every formula converts, and the mean similarity is at least 0.93")
    func corpus() throws {
        let cases = Self.corpus.cases
        try #require(cases.count >= 400, "the corpus KaTeX/corpus.json is missing or short")
        let converter = MathMLConverter()
        var total = 0.0
        var failures: [String] = []
        var lowest: [(Double, String)] = []
        for c in cases {
            let rendering = converter.render(c.tex, display: c.display)
            if !rendering.diagnostics.isEmpty { failures.append(c.tex) }
            let s = Self.similarity(Self.tokens(rendering.mathML), Self.tokens(c.katex))
            total += s
            lowest.append((s, c.tex))
        }
        let mean = total / Double(cases.count)
        lowest.sort { $0.0 < $1.0 }
        print("KaTeX \(Self.corpus.katex) similarity over \(cases.count) formulas: mean \(String(format: "%.4f", mean)); lowest: "
              + lowest.prefix(8).map { String(format: "%.2f", $0.0) + " " + $0.1 }.joined(separator: " | "))
        #expect(failures.isEmpty, "not converted: \(failures)")
        #expect(mean >= 0.93)
    }
}
