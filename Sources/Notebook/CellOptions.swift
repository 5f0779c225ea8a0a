/// The options of a cell, written as `//| key: value` lines at its top (Quarto's form with
/// Swift comments), or for every cell under `execute:` in the front matter.
public struct CellOptions: Sendable, Hashable {
    /// Show the code.
    public var echo = true
    /// Run the code.
    public var eval = true
    /// Show what the cell printed and displayed.
    public var output = true
    /// Show anything of the cell at all (code and output); it still runs.
    public var include = true
    /// A failing cell is shown on the page and does not fail the run.
    public var error = false
    /// The cell must fail; the run fails if it does not (for teaching what goes wrong).
    public var expectError = false
    /// Code collapsed behind a `<details>` element.
    public var fold = false
    /// A cross-reference label such as `fig-latent`.
    public var label: String?
    /// A caption for the cell's figure or table.
    public var caption: String?
    /// Figure width in CSS pixels.
    public var width: Double?
    /// Figure height in CSS pixels.
    public var height: Double?
    /// Seconds the cell may run before it is stopped.
    public var timeout: Double?
    /// In a translation, texts of the cell's figures in the translation's language
    /// (`//| translate: training step -> 训练步数`, one line each): the cells run once for every
    /// language, so a figure's words are translated where it is shown.
    public var translate: [TextTranslation] = []
    /// The cell's part in the exercise whose block holds it (`//| exercise: starter`, `solution`
    /// or `check`); every cell of a `solution` block is a solution without saying so.
    public var exercise: ExercisePart?
    /// What a hidden check is worth when graded (`//| points: 2`; 1 when not given).
    public var points: Double?
    /// The options written out (in the cell or the front matter), as against defaults.
    public var explicitlySet: Set<String> = []

    public init() {}

    /// Every option name, in the order the documentation lists them.
    public static let names = [
        "echo", "eval", "output", "include", "error", "expect-error", "fold",
        "label", "caption", "width", "height", "timeout", "translate", "exercise", "points",
    ]

    /// Sets one option from its written value. Throws a message (without location) when
    /// the name is unknown or the value has the wrong type.
    public mutating func set(_ name: String, to rawValue: String) throws(OptionError) {
        let value = Self.unquote(rawValue)
        defer { explicitlySet.insert(name) }
        switch name {
        case "echo": echo = try Self.bool(name, value)
        case "eval": eval = try Self.bool(name, value)
        case "output": output = try Self.bool(name, value)
        case "include": include = try Self.bool(name, value)
        case "error": error = try Self.bool(name, value)
        case "expect-error": expectError = try Self.bool(name, value)
        case "fold": fold = try Self.bool(name, value)
        case "label":
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw OptionError("option 'label' needs a name of letters, digits, '-' and '_', got '\(value)'")
            }
            label = value
        case "caption": caption = value
        case "width": width = try Self.positive(name, value, atMost: Self.maxPixels, unit: " px")
        case "height": height = try Self.positive(name, value, atMost: Self.maxPixels, unit: " px")
        case "timeout": timeout = try Self.positive(name, value, atMost: Self.maxTimeout, unit: " s")
        case "translate":
            // The one option written more than once: each line adds a text.
            let sides = rawValue.components(separatedBy: " -> ")
            guard sides.count == 2 else {
                throw OptionError("option 'translate' takes one text of the figure and its translation, 'original -> translation', got '\(rawValue.trimmingCharactersInSpaceAndNewlines())'")
            }
            let pair = TextTranslation(original: Self.unquote(sides[0]), translated: Self.unquote(sides[1]))
            guard !pair.original.isEmpty, !pair.translated.isEmpty else {
                throw OptionError("option 'translate' needs a text on both sides of '->', got '\(rawValue.trimmingCharactersInSpaceAndNewlines())'")
            }
            guard !translate.contains(where: { $0.original == pair.original }) else {
                throw OptionError("option 'translate' gives '\(pair.original)' twice")
            }
            translate.append(pair)
        case "exercise":
            guard let part = ExercisePart(rawValue: value) else {
                throw OptionError("option 'exercise' is starter, solution or check, got '\(value)'")
            }
            exercise = part
        case "points":
            guard let d = Double(value), d.isFinite, d >= 0, d <= 1000 else {
                throw OptionError("option 'points' must be a number from 0 to 1000, got '\(value)'")
            }
            points = d
        default:
            var message = "unknown cell option '\(name)'"
            if let near = nearestName(to: name, in: Self.names) { message += "; did you mean '\(near)'?" }
            throw OptionError(message + " (options: \(Self.names.joined(separator: ", ")))")
        }
    }

    static func unquote(_ raw: String) -> String {
        let v = raw.trimmingCharactersInSpaceAndNewlines()
        if v.count >= 2, let f = v.first, let l = v.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            return String(v.dropFirst().dropLast())
        }
        return v
    }

    static func bool(_ name: String, _ value: String) throws(OptionError) -> Bool {
        switch value {
        case "true": return true
        case "false": return false
        default: throw OptionError("option '\(name)' must be true or false, got '\(value)'")
        }
    }

    /// The largest figure side a cell may ask for, in pixels.
    static let maxPixels = 10_000.0
    /// The longest a cell may ask to run, in seconds (a day).
    static let maxTimeout = 86_400.0

    static func positive(_ name: String, _ value: String, atMost limit: Double, unit: String) throws(OptionError) -> Double {
        let number = value.hasSuffix("px") ? String(value.dropLast(2)) : value
        guard let d = Double(number), d.isFinite, d > 0 else {
            throw OptionError("option '\(name)' must be a positive number, got '\(value)'")
        }
        guard d <= limit else {
            throw OptionError("option '\(name)' must be at most \(Int(limit))\(unit), got '\(value)'")
        }
        return d
    }
}

/// A text of a cell's figure and its translation (`//| translate: original -> translated`).
public struct TextTranslation: Sendable, Hashable {
    public var original: String
    public var translated: String

    public init(original: String, translated: String) {
        self.original = original
        self.translated = translated
    }
}

/// Why a cell option could not be set; the caller adds the location.
public struct OptionError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
public func nearestName(to name: String, in candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    for candidate in candidates where candidate != name {
        let d = editDistance(name, candidate)
        if d < (best?.1 ?? Int.max) || (d == best?.1 && candidate < best!.0) { best = (candidate, d) }
    }
    guard let (candidate, distance) = best else { return nil }
    return distance <= max(1, min(name.count, candidate.count) / 3) ? candidate : nil
}

/// Edit distance counting a swap of neighbours as one edit (optimal string alignment),
/// so `pritn` is one edit from `print`.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
