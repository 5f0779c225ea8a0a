import Foundation

/// Inline values set as numbers are in prose: a true minus sign (U+2212), powers of ten as
/// "3.4 × 10⁻¹²" instead of `3.4e-12`, a sensible number of significant digits, and narrow
/// no-break spaces between groups of three in long integer parts. The value shown is the
/// value computed, rounded correctly from its binary value: integer parts are never rounded
/// away, and integers (values printed without a point or an exponent) are never rounded.
/// Anything that is not a number, or a bracketed list of numbers, is escaped unchanged.
enum NumberTypesetter {
    /// Significant digits of a floating-point value when the author does not ask.
    static let defaultDigits = 4

    /// The HTML for a value as printed by Swift (`print`'s text), with `digits` significant
    /// digits if the author asked (then trailing zeros are kept: they are what was asked for).
    /// `asWritten`: the text is the author's own formatting (a String such as
    /// `String(format: "%.6f", x)`): its sign, exponent and digit groups are typeset, and its
    /// digits are shown as written, never rounded again.
    static func html(_ printed: String, digits: Int? = nil, groupDigits: Bool = true, asWritten: Bool = false) -> String {
        let number = { (text: String) in
            asWritten ? Self.asWritten(text, groupDigits: groupDigits) : Self.number(text, digits: digits, groupDigits: groupDigits)
        }
        if let number = number(printed) { return number }
        // A list of numbers, `[0.5, -1.25]`: each typeset, the brackets and commas kept.
        if printed.hasPrefix("["), printed.hasSuffix("]"), printed.count > 2 {
            let items = printed.dropFirst().dropLast().components(separatedBy: ", ")
            var typeset: [String] = []
            for item in items {
                guard let n = number(item) else { return HTML.escape(printed) }
                typeset.append(n)
            }
            return "[" + typeset.joined(separator: ", ") + "]"
        }
        return HTML.escape(printed)
    }

    /// One number, or nil if `text` is not one.
    static func number(_ text: String, digits: Int?, groupDigits: Bool) -> String? {
        switch text {
        case "inf", "+inf": return "∞"
        case "-inf": return "\u{2212}∞"
        case "nan", "-nan": return "NaN"
        default: break
        }
        let bytes = Array(text.utf8)
        guard isDecimal(bytes) else { return nil }
        let isInteger = !bytes.contains(UInt8(ascii: ".")) && !bytes.contains(UInt8(ascii: "e")) && !bytes.contains(UInt8(ascii: "E"))
        let negative = bytes.first == UInt8(ascii: "-")
        let sign = negative ? "\u{2212}" : ""
        if isInteger {
            let magnitude = String(decoding: bytes.drop(while: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }), as: UTF8.self)
            return sign + (groupDigits ? grouped(magnitude) : magnitude)
        }
        guard let value = Double(text), value.isFinite else { return nil }
        if value == 0 { return "0" }
        let significant = digits ?? defaultDigits
        let keepZeros = digits != nil
        // The decimal exponent after rounding to `significant` digits (9.9996 → 1.000e+01).
        let scientific = String(format: "%.\(significant - 1)e", abs(value))
        guard let eIndex = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: eIndex)...]) else { return nil }
        if exponent < -4 || exponent >= 15 {
            var mantissa = String(scientific[..<eIndex])
            if !keepZeros { mantissa = trimmedZeros(mantissa) }
            let power = exponent < 0 ? "\u{2212}\(-exponent)" : "\(exponent)"
            return sign + mantissa + " × 10<sup>" + power + "</sup>"
        }
        // Fixed notation: as many decimals as the significant digits need, never fewer than
        // the integer part has.
        let decimals = max(0, significant - 1 - exponent)
        var fixed = String(format: "%.\(decimals)f", abs(value))
        if !keepZeros { fixed = trimmedZeros(fixed) }
        if groupDigits {
            let point = fixed.firstIndex(of: ".") ?? fixed.endIndex
            fixed = grouped(String(fixed[..<point])) + fixed[point...]
        }
        // Rounding may leave zero (−0.00004 with 4 digits is set in powers of ten, so only
        // explicit tiny digit counts reach here): no sign on a zero.
        return (fixed.allSatisfy { $0 == "0" || $0 == "." } ? "" : sign) + fixed
    }

    /// One number with the digits it was written with: a true minus sign, the exponent as a
    /// power of ten, the integer part grouped; nil if `text` is not a number.
    static func asWritten(_ text: String, groupDigits: Bool) -> String? {
        let bytes = Array(text.utf8)
        guard isDecimal(bytes) else { return nil }
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = "\u{2212}" }
            body = body.dropFirst()
        }
        var power = ""
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let exponent = Int(body[body.index(after: e)...]) else { return nil }
            power = " × 10<sup>" + (exponent < 0 ? "\u{2212}\(-exponent)" : "\(exponent)") + "</sup>"
            body = body[..<e]
        }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let integer = String(body[..<point])
        return sign + (groupDigits ? grouped(integer) : integer) + body[point...] + power
    }

    /// `[+-]?digits[.digits][e[+-]digits]`, as Swift prints Int and Double.
    static func isDecimal(_ b: [UInt8]) -> Bool {
        var i = 0
        func digitsRun() -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        guard digitsRun() > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digitsRun() > 0 else { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            guard digitsRun() > 0 else { return false }
        }
        return i == b.count && b.count <= 400
    }

    /// "1.2500" → "1.25", "3.000" → "3".
    static func trimmedZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.last == "0" { t.removeLast() }
        if t.last == "." { t.removeLast() }
        return String(t)
    }

    /// Groups of three with narrow no-break spaces (U+202F), from five digits up, as SI and
    /// ISO 80000 write long numbers in English text ("60 000", but "1797").
    static func grouped(_ digits: String) -> String {
        guard digits.count >= 5 else { return digits }
        var out = ""
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "\u{202F}" }
            out.append(ch)
        }
        return out
    }
}
