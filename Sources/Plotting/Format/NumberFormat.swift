import Foundation

/// Locale-free, deterministic number formatting for SVG coordinates and tick labels:
/// the same Double always gives the same characters on every machine.
public enum NumberFormat {
    /// `value` with exactly `decimals` digits after the point (no grouping, ASCII minus).
    /// Falls back to `general` when the value is too large for exact fixed formatting.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "Inf") }
        let d = min(max(decimals, 0), 15)
        let scale = Ticks.pow10(Double(d))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return general(value) }
        let digits = String(UInt64(scaled))
        let negative = value < 0 && scaled != 0
        var body: String
        if d == 0 {
            body = digits
        } else {
            let padded = String(repeating: "0", count: max(0, d + 1 - digits.count)) + digits
            let cut = padded.index(padded.endIndex, offsetBy: -d)
            body = padded[..<cut] + "." + padded[cut...]
        }
        return negative ? "-" + body : body
    }

    /// A pixel coordinate: one decimal, trailing ".0" dropped, never "-0".
    /// Values are clamped to ±10⁷ px so that a stray huge value cannot make a huge string.
    public static func coordinate(_ value: Double) -> String {
        let v = value.isNaN ? 0 : min(max(value, -1e7), 1e7)
        // The same digits as `fixed(v, decimals: 1)` minus a trailing ".0", built directly:
        // a large scatter formats tens of thousands of these.
        let tenths = Int((abs(v) * 10).rounded())
        var s = v < 0 && tenths != 0 ? "-" : ""
        s += String(tenths / 10)
        if tenths % 10 != 0 { s += "." + String(tenths % 10) }
        return s
    }

    /// A short human-readable value with up to `significant` significant digits, for
    /// descriptions and notes: "0.0123", "1.5e+06".
    public static func general(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        if value == 0 { return "0" }
        let e = Int(log10(abs(value)).rounded(.down))
        if e >= -4 && e < 6 {
            return trimZeros(fixed(value, decimals: max(0, significant - 1 - e)))
        }
        let mantissa = value / Ticks.pow10(Double(e))
        var m = trimZeros(fixed(mantissa, decimals: significant - 1))
        var exponent = e
        if m == "10" || m == "-10" { m = value < 0 ? "-1" : "1"; exponent += 1 }
        return m + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }

    /// Tick labels for linear ticks spaced by `step`, as d3's default `tickFormat`
    /// (precision from the step, thousands grouped by ",", "−" as minus sign); values of a
    /// million or more, or steps below 10⁻⁴, are written as m×10ᵉ.
    public static func tickLabels(_ ticks: [Double], step: Double) -> [String] {
        let largest = ticks.map(abs).max() ?? 0
        let stepExponent = step > 0 ? Int(log10(step).rounded(.down)) : 0
        if largest >= 1e6 || (step > 0 && step < 1e-4) {
            return ticks.map { scientific($0, stepExponent: stepExponent) }
        }
        let decimals = max(0, -stepExponent)
        let grouped = largest >= 1e4  // 1000–9999 stay ungrouped unless a neighbour is ≥ 10,000
        return ticks.map {
            let plain = fixed($0, decimals: decimals)
            return typographic(grouped ? group(plain) : plain)
        }
    }

    /// Labels for the labelled ticks of one log axis, in one notation for the whole axis:
    /// plain decimals (grouped by "," when any reaches 10,000) while every value lies in
    /// [10⁻³, 10⁵), otherwise 10ᵏ and m×10ᵏ.
    public static func logTickLabels(_ values: [Double]) -> [String] {
        let plain = values.allSatisfy { $0 >= 1e-3 && $0 < 1e5 }
        let grouped = (values.max() ?? 0) >= 1e4
        return values.map { value in
            if plain {
                let text = general(value, significant: 6)
                return grouped ? group(text) : text
            }
            let e = Int(log10(value).rounded(.down))
            let mantissa = trimZeros(fixed(value / Ticks.pow10(Double(e)), decimals: 3))
            let power = "10" + superscript(e)
            return mantissa == "1" ? power : mantissa + "×" + power
        }
    }

    /// `v` as m×10ᵉ with enough mantissa digits to tell ticks `10^stepExponent` apart.
    static func scientific(_ value: Double, stepExponent: Int) -> String {
        if value == 0 { return "0" }
        var e = Int(log10(abs(value)).rounded(.down))
        var m = value / Ticks.pow10(Double(e))
        if abs(m) >= 9.9999999 {  // rounding pushed the mantissa to 10
            e += 1
            m /= 10
        }
        let decimals = min(6, max(0, e - stepExponent))
        let mantissa = typographic(trimZeros(fixed(m, decimals: decimals)))
        return mantissa + "×10" + superscript(e)
    }

    /// Replaces an ASCII hyphen-minus at the start with the typographic minus "−".
    static func typographic(_ s: String) -> String {
        s.hasPrefix("-") ? "\u{2212}" + s.dropFirst() : s
    }

    /// Groups the integer digits of a plain decimal string by thousands with ",".
    static func group(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let unsigned = negative ? String(s.dropFirst()) : s
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        guard integer.count > 3 else { return s }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return negative ? "-" + out : out
    }

    static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).map { digits[Int(String($0))!] }
        return (n < 0 ? "⁻" : "") + String(body)
    }
}
