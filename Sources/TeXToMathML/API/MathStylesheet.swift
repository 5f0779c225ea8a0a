/// The CSS a page needs for the MathML this module writes: a font stack with OpenType
/// MATH tables, so Chromium and Firefox lay out operators, radicals and stretchy
/// delimiters well. The page embeds it; it names fonts but ships none.
public enum MathStylesheet {
    /// The `font-family` value for `math`: STIX Two Math, Latin Modern Math, then the math
    /// fonts systems ship (Cambria Math on Windows, STIX Two Math on macOS, Noto Sans Math,
    /// DejaVu Math TeX Gyre on Linux), then the generic `math` family.
    public static let fontFamily =
        #""STIX Two Math", "Latin Modern Math", "Cambria Math", "Libertinus Math", "Noto Sans Math", "DejaVu Math TeX Gyre", math"#

    /// Rules for `math`: the font stack; a display formula's lines (`breaksLines`) wrapping
    /// at relations when the column is narrow, centred, on a common baseline (each line, a
    /// flex item, is blockified to `block math` and keeps MathML layout); what still does
    /// not fit (a formula with no break, inline formulas) scrolling inside its own box instead
    /// of running past the column; and the look of formulas that failed to convert.
    public static let css = """
        math { font-family: \(fontFamily); }
        math[display="block"] { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; max-width: 100%; }
        math:not([display="block"]) { max-width: 100%; overflow-x: auto; overflow-y: hidden; }
        mrow.tex-lines { display: flex; flex-wrap: wrap; justify-content: center; align-items: baseline; row-gap: 0.35em; }
        merror.tex-error { font-family: ui-monospace, monospace; font-size: 0.9em; color: #a40000; }
        """
}
