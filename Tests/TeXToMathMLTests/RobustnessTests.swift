import Foundation
import Testing
@testable import TeXToMathML
import Markup

/// Whatever the input, conversion ends quickly with MathML or a located error: no crash,
/// no stack overflow, no hang, and never any content dropped.
@Suite("Robustness")
struct RobustnessTests {
    /// Pathological nestings, 10,000 deep: each is refused at the depth limit.
    static let deepInputs: [(String, String)] = [
        ("braces", String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)),
        ("unclosed braces", String(repeating: "{", count: 10_000)),
        ("fractions", String(repeating: #"\frac{"#, count: 10_000)),
        ("bare fractions", String(repeating: #"\frac"#, count: 10_000) + "12"),
        ("superscripts", String(repeating: "x^{", count: 10_000) + String(repeating: "}", count: 10_000)),
        ("bare accents", String(repeating: #"\hat"#, count: 10_000) + "x"),
        ("left", String(repeating: #"\left("#, count: 10_000)),
        ("roots", String(repeating: #"\sqrt{"#, count: 10_000)),
        ("matrices", String(repeating: #"\begin{matrix}"#, count: 10_000)),
        ("colors", String(repeating: #"\color{red}"#, count: 10_000) + "x"),
        ("styles", String(repeating: #"\displaystyle"#, count: 10_000) + "x"),
        ("fonts", String(repeating: #"\mathbf{"#, count: 10_000)),
        ("text math", String(repeating: #"\text{$"#, count: 10_000) + String(repeating: #"$}"#, count: 10_000)),
        ("over", String(repeating: #"{a \over "#, count: 10_000)),
    ]

    @Test("deep nesting stops at the limit with a clear error", arguments: deepInputs.map(\.0))
    func deepNesting(_ name: String) {
        let tex = Self.deepInputs.first { $0.0 == name }!.1
        let clock = ContinuousClock()
        let start = clock.now
        let rendering = MathMLConverter().render(tex, display: true)
        #expect(clock.now - start < .seconds(2))
        #expect(rendering.isError)
        if case .tooDeeplyNested(let limit)? = rendering.diagnostics.first?.kind {
            #expect(limit == 64)
        } else {
            Issue.record("expected tooDeeplyNested, got \(String(describing: rendering.diagnostics.first))")
        }
        #expect(rendering.mathML.contains(Markup.escape(tex)))
    }

    /// Other pathological inputs end in some error, quickly, with the source shown.
    @Test("pathological inputs end in an error", arguments: [
        String(repeating: #"\sqrt["#, count: 10_000),
        String(repeating: "}", count: 10_000),
        String(repeating: #"\end{matrix}"#, count: 10_000),
        String(repeating: #"\right)"#, count: 10_000),
        String(repeating: "^", count: 10_000),
        String(repeating: #"\text{"#, count: 10_000),
        "x" + String(repeating: "'", count: 10_000) + "^2^3",
    ])
    func pathological(_ tex: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let rendering = MathMLConverter().render(tex, display: false)
        #expect(clock.now - start < .seconds(2))
        #expect(rendering.isError)
        #expect(rendering.mathML.contains(Markup.escape(tex)))
    }

    @Test("nesting just under the limit converts")
    func justUnderLimit() throws {
        let tex = String(repeating: "{", count: 60) + "x" + String(repeating: "}", count: 60)
        #expect(try semanticsBody(tex, display: false) == "<mi>x</mi>")
        let fractions = String(repeating: #"\frac{1}{"#, count: 30) + "x" + String(repeating: "}", count: 30)
        #expect(WellFormedness.problems(in: try MathMLConverter().convert(fractions, display: true)).isEmpty)
    }

    @Test("the depth limit is configurable")
    func configurableDepth() {
        let converter = MathMLConverter(maximumDepth: 4)
        #expect(!converter.render("{{{x}}}", display: false).isError)
        #expect(converter.render("{{{{{x}}}}}", display: false).diagnostics.first?.kind == .tooDeeplyNested(limit: 4))
    }

    @Test("the deepest accepted formulas fit a 512 KiB thread stack")
    func smallStack() {
        let inputs = [
            String(repeating: "{", count: 63) + "x" + String(repeating: "}", count: 63),
            String(repeating: #"\frac{1}{"#, count: 31) + "x" + String(repeating: "}", count: 31),
            String(repeating: #"\left(\sqrt{"#, count: 20) + "x" + String(repeating: #"}\right)"#, count: 20),
            String(repeating: #"\begin{pmatrix}"#, count: 30) + "x" + String(repeating: #"\end{pmatrix}"#, count: 30),
            String(repeating: "x^{", count: 31) + "y" + String(repeating: "}", count: 31),
            String(repeating: "{", count: 1_000),
        ]
        let results = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            results.errors = inputs.map { MathMLConverter().render($0, display: true).isError }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(results.errors == [false, false, false, false, false, true])
    }

    final class ResultBox: @unchecked Sendable { var errors: [Bool] = [] }

    @Test("long formulas convert in linear time")
    func longInput() throws {
        let tex = String(repeating: #"\alpha_i + \frac{x^2}{2} - \sqrt{y} \cdot "#, count: 5_000) + "z"
        let clock = ContinuousClock()
        let start = clock.now
        let mathML = try MathMLConverter().convert(tex, display: true)
        #expect(clock.now - start < .seconds(5))
        #expect(mathML.count > tex.count)
    }

    /// Random token soup from a seeded generator: never a crash, always well-formed MathML,
    /// and a failed formula always shows its whole source.
    @Test("random input never crashes and always yields well-formed MathML")
    func fuzz() {
        let pieces = [
            "x", "2", "3.5", "+", "-", "=", "<", ">", "&", "\\\\", "{", "}", "^", "_", "'", "(", ")", "[", "]",
            "|", "\\|", "\\frac", "\\sqrt", "[", "\\left(", "\\right)", "\\middle|", "\\left.", "\\right.",
            "\\begin{matrix}", "\\end{matrix}", "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}",
            "\\end{cases}", "\\text{", "$", "\\mathbf{", "\\hat", "\\sum", "\\int", "\\lim", "\\limits", "\\log",
            "\\over", "\\tag{1}", "\\color{red}", "\\not", "\\alpha", "\\,", "\\!", "\\quad", "\\overset",
            "\\underbrace", "\\operatorname{f}", "\\big(", " ", "%", "\n", "#", "\\", "α", "\\unknown", "\\\\[2pt]",
            "\\hline", "\\begin{array}{c|c}", "\\end{array}", "\\displaystyle", "\\binom", "~", "\\xrightarrow",
        ]
        var generator = SplitMix64(seed: 20_241_124)
        let converter = MathMLConverter()
        var failures = 0
        for iteration in 0..<4_000 {
            var tex = ""
            for _ in 0..<Int(generator.next() % 24) {
                tex += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            let rendering = converter.render(tex, display: iteration % 2 == 0)
            let problems = WellFormedness.problems(in: rendering.mathML)
            if !problems.isEmpty {
                failures += 1
                Issue.record("\(tex) → \(problems)")
            }
            if rendering.isError, !rendering.mathML.contains("<mtext>" + Markup.escape(tex) + "</mtext>") {
                failures += 1
                Issue.record("source dropped for \(tex)")
            }
            if failures > 5 { break }
        }
    }

    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
