/// Plot text with TeX-style math between dollars — `"$\mu_k$"`, `"$p_{\text{data}}$"`,
/// `"$\sigma^2 = 0.5$"` — set as math is set: letters italic, digits and operators upright,
/// real sub- and superscripts, Greek and common symbols from their commands, a true minus.
/// Text outside dollars, and text with a lone `$` (`"cost in $"`), is shown as written. An
/// unknown command stays visible as written (`\foo`), never silently dropped.
struct MathText: Equatable {
    /// A piece of text in one style.
    struct Run: Equatable {
        var text: String
        var italic = false
        var position = Position.base
    }

    enum Position: Equatable { case base, sub, sup }

    var runs: [Run]

    /// Size of scripts relative to the text around them.
    static let scriptScale = 0.7
    /// How far scripts sit from the baseline, in the surrounding text's em (down for sub-, up
    /// for superscripts).
    static let subShift = 0.22, supShift = 0.38

    init(_ text: String) {
        runs = Self.parse(text)
    }

    /// Whether `text` holds math at all (a pair of unescaped dollars).
    static func hasMath(_ text: String) -> Bool {
        text.filter { $0 == "$" }.count >= 2
    }

    /// The width in px at `fontSize`, scripts at their smaller size.
    func width(fontSize: Double) -> Double {
        runs.reduce(0) { $0 + TextMetrics.width($1.text, fontSize: fontSize * ($1.position == .base ? 1 : Self.scriptScale)) }
    }

    /// The width in px of plot text at `fontSize`, math set as `MathText` sets it.
    static func width(of text: String, fontSize: Double) -> Double {
        hasMath(text) ? MathText(text).width(fontSize: fontSize) : TextMetrics.width(text, fontSize: fontSize)
    }

    /// Plain text for `<title>` and `<desc>` and for sorting: scripts marked `_`/`^`.
    var plain: String {
        runs.map { run in
            switch run.position {
            case .base: run.text
            case .sub: "_" + (run.text.count > 1 ? "{\(run.text)}" : run.text)
            case .sup: "^" + (run.text.count > 1 ? "{\(run.text)}" : run.text)
            }
        }.joined()
    }

    // MARK: Parsing

    static func parse(_ text: String) -> [Run] {
        guard hasMath(text) else { return [Run(text: text)] }
        var runs: [Run] = []
        let chars = Array(text)
        var plain = ""
        var i = 0
        // Math spans: pairs of dollars, left to right; a last unpaired dollar is text.
        while i < chars.count {
            if chars[i] == "$", let close = chars[(i + 1)...].firstIndex(of: "$") {
                if !plain.isEmpty { runs.append(Run(text: plain)); plain = "" }
                var math = MathParser(Array(chars[(i + 1)..<close]))
                runs += math.parseAll()
                i = close + 1
                continue
            }
            plain.append(chars[i])
            i += 1
        }
        if !plain.isEmpty { runs.append(Run(text: plain)) }
        return merged(runs)
    }

    /// Adjacent runs of the same style joined (fewer `<tspan>`s).
    static func merged(_ runs: [Run]) -> [Run] {
        var out: [Run] = []
        for run in runs where !run.text.isEmpty {
            if let last = out.last, last.italic == run.italic, last.position == run.position {
                out[out.count - 1].text += run.text
            } else {
                out.append(run)
            }
        }
        return out
    }

    /// A small reader of TeX math: commands, groups and scripts, nothing deeper.
    struct MathParser {
        let chars: [Character]
        var i = 0

        init(_ chars: [Character]) { self.chars = chars }

        mutating func parseAll() -> [Run] {
            var runs: [Run] = []
            while i < chars.count { runs += parseAtom(position: .base) }
            return runs
        }

        /// One atom and any scripts after it.
        mutating func parseAtom(position: Position) -> [Run] {
            var runs = parseNucleus(position: position)
            while i < chars.count, chars[i] == "_" || chars[i] == "^", position == .base {
                let script: Position = chars[i] == "_" ? .sub : .sup
                i += 1
                runs += parseNucleus(position: script)
            }
            return runs
        }

        mutating func parseNucleus(position: Position) -> [Run] {
            guard i < chars.count else { return [] }
            let c = chars[i]
            switch c {
            case "{":
                i += 1
                var runs: [Run] = []
                while i < chars.count, chars[i] != "}" { runs += parseAtom(position: position) }
                if i < chars.count { i += 1 }
                return runs
            case "}":
                i += 1
                return []
            case "\\":
                return parseCommand(position: position)
            case " ":
                i += 1
                return []
            case "-":
                i += 1
                return [Run(text: "\u{2212}", position: position)]
            case "=", "<", ">":
                i += 1
                return [Run(text: position == .base ? " \(c) " : String(c), position: position)]
            default:
                i += 1
                return [Run(text: String(c), italic: c.isLetter, position: position)]
            }
        }

        mutating func parseCommand(position: Position) -> [Run] {
            i += 1  // the backslash
            var name = ""
            while i < chars.count, chars[i].isLetter, chars[i].isASCII { name.append(chars[i]); i += 1 }
            if name.isEmpty, i < chars.count {  // \, \; \! \| \{ …
                let c = chars[i]
                i += 1
                switch c {
                case ",", ":", ";", " ": return [Run(text: "\u{2009}", position: position)]
                case "!": return []
                case "|": return [Run(text: "‖", position: position)]
                default: return [Run(text: String(c), position: position)]
                }
            }
            if let symbol = MathText.symbols[name] {
                // Relations take a space on each side, as TeX gives them.
                let spaced = MathText.relations.contains(name) && position == .base ? " \(symbol) " : symbol
                return [Run(text: spaced, italic: MathText.italicGreek.contains(name), position: position)]
            }
            if let word = MathText.functionNames[name] { return [Run(text: word, position: position)] }
            if ["text", "mathrm", "textrm", "operatorname", "mathbf", "mathsf", "textbf", "mathup"].contains(name) {
                return [Run(text: readBraced(), position: position)]
            }
            if ["quad", "qquad"].contains(name) { return [Run(text: name == "quad" ? "\u{2003}" : "\u{2003}\u{2003}", position: position)] }
            return [Run(text: "\\" + name, position: position)]  // unknown: shown as written
        }

        /// The text of a `{…}` argument (or one character), as written.
        mutating func readBraced() -> String {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { return "" }
            guard chars[i] == "{" else { i += 1; return String(chars[i - 1]) }
            i += 1
            var depth = 1, out = ""
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
                out.append(c)
            }
            return out
        }
    }

    /// Greek letters and common symbols by command name.
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "cdot": "·", "odot": "⊙", "times": "×", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "sim": "∼", "approx": "≈", "propto": "∝", "infty": "∞", "partial": "∂", "nabla": "∇", "mid": "|",
        "top": "⊤", "sum": "∑", "prod": "∏", "int": "∫", "in": "∈", "to": "→", "rightarrow": "→",
        "leftarrow": "←", "ell": "ℓ", "star": "⋆", "ast": "∗", "circ": "∘", "ldots": "…", "cdots": "⋯",
        "langle": "⟨", "rangle": "⟩", "lVert": "‖", "rVert": "‖", "Vert": "‖", "emptyset": "∅",
    ]

    /// Commands of relations, spaced like `=`.
    static let relations: Set<String> = ["le", "leq", "ge", "geq", "ne", "neq", "sim", "approx", "propto", "in", "to", "rightarrow", "leftarrow"]

    /// Lowercase Greek is italic in math, as TeX sets it; capitals and symbols upright.
    static let italicGreek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
        "varphi", "chi", "psi", "omega",
    ]

    /// Function names set upright: `\log x`.
    static let functionNames: [String: String] = [
        "log": "log ", "ln": "ln ", "exp": "exp ", "sin": "sin ", "cos": "cos ", "tan": "tan ",
        "max": "max ", "min": "min ", "arg": "arg ", "det": "det ", "tr": "tr ", "KL": "KL",
    ]
}
