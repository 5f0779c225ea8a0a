/// The CSS a page needs for the MathML this module writes: a font stack with OpenType
/// MATH tables, so Chromium and Firefox lay out operators, radicals and stretchy
/// delimiters well. The page embeds it; it names fonts but ships none.
public enum MathStylesheet {
    /// The `font-family` value for `math`: STIX Two Math, Latin Modern Math, then the math
    /// fonts systems ship (Cambria Math on Windows, STIX Two Math on macOS, Noto Sans Math,
    /// DejaVu Math TeX Gyre on Linux), then the generic `math` family.
    public static let fontFamily =
        #""STIX Two Math", "Latin Modern Math", "Cambria Math", "Libertinus Math", "Noto Sans Math", "DejaVu Math TeX Gyre", math"#

    /// Rules for `math`: the font stack, wide display equations scrolling instead of
    /// overflowing, and the look of formulas that failed to convert.
    public static let css = """
        math { font-family: \(fontFamily); }
        math[display="block"] { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }
        merror.tex-error { font-family: ui-monospace, monospace; font-size: 0.9em; color: #a40000; }
        """
}
