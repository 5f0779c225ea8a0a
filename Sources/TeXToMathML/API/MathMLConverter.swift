/// Converts TeX math to MathML Core, as pandoc's `--mathml` or Temml do, with no script.
///
/// ```swift
/// let converter = MathMLConverter()
/// let inline = try converter.convert(#"x^2 + \alpha"#, display: false)
/// let page = converter.render(#"\frac{a}{b"#, display: true)  // never throws
/// ```
/// The output is one `<math>` element carrying the TeX source as `alttext` and as an
/// `application/x-tex` annotation. Same input, same bytes.
public struct MathMLConverter: Sendable {
    /// Where a top-level `\tag{…}` goes.
    public enum TagPlacement: Sendable, Equatable {
        /// In the MathML, as a cell to the right of the equation (for `lectern math`).
        case inMathML
        /// Left out of the MathML; the caller places `MathRendering.tag` (the page puts
        /// equation numbers at the right margin with CSS, which MathML Core cannot).
        case byCaller
    }

    /// Deepest nesting of groups, arguments and environments accepted; deeper input is
    /// an error (`tooDeeplyNested`), never a stack overflow.
    public var maximumDepth: Int
    /// Where a top-level `\tag` is drawn. `align` rows' tags are always in the MathML.
    public var tagPlacement: TagPlacement
    /// Whether display formulas may break across lines at top-level relations (and after
    /// quads) when their column is too narrow: each line is an `<mrow>` in an
    /// `<mrow class="tex-lines">` that `MathStylesheet` wraps with CSS (MathML Core itself has
    /// no line breaking). An inline formula of 40 or more TeX characters becomes several
    /// `<math>` pieces inside `<span class="tex-pieces" role="math">`, which a paragraph wraps
    /// between. Off: one row, as written.
    public var breaksLines: Bool

    /// A converter; the defaults suit pages (`lectern render` passes `.byCaller` to place
    /// equation numbers itself).
    public init(maximumDepth: Int = 64, tagPlacement: TagPlacement = .inMathML, breaksLines: Bool = false) {
        self.maximumDepth = maximumDepth
        self.tagPlacement = tagPlacement
        self.breaksLines = breaksLines
    }

    /// The `<math>` element for `tex`; `display` gives `display="block"`.
    /// - Throws: `TeXMathError` for unknown commands and malformed input, with its offset.
    public func convert(_ tex: String, display: Bool) throws(TeXMathError) -> String {
        try convertWithTag(tex, display: display).mathML
    }

    /// Like `convert`, but never throws: malformed input becomes its TeX source inside
    /// `<merror class="tex-error">`, and the problem is in `diagnostics`.
    public func render(_ tex: String, display: Bool) -> MathRendering {
        do {
            let (mathML, tag) = try convertWithTag(tex, display: display)
            return MathRendering(mathML: mathML, tag: tag, diagnostics: [])
        } catch {
            return MathRendering(mathML: MathDocument.errorElement(tex: tex, display: display, error: error),
                                 tag: nil, diagnostics: [error])
        }
    }

    private func convertWithTag(_ tex: String, display: Bool) throws(TeXMathError) -> (mathML: String, tag: EquationTag?) {
        let bytes = Array(tex.utf8)
        var parser = Parser(source: tex, bytes: bytes, range: 0..<bytes.count, display: display,
                            maximumDepth: max(1, maximumDepth))
        let root: MathNode
        let tag: EquationTag?
        do {
            (root, tag) = try parser.parseFormula()
        } catch let error as TeXMathError {
            throw error
        } catch {
            // The parser throws only TeXMathError (untyped inside, which keeps its
            // recursion's stack frames small); this is unreachable.
            throw TeXMathError(.unexpectedCharacter(String(describing: error)), utf8Offset: 0, in: tex)
        }
        let mathML = MathDocument.element(root: root, tex: tex, display: display,
                                          tag: tagPlacement == .inMathML ? tag : nil, breakable: breaksLines)
        return (mathML, tag)
    }
}

/// What `MathMLConverter.render` produces: the MathML (an error element on failure), the
/// equation's `\tag` if any, and diagnostics for the page to report as warnings.
public struct MathRendering: Sendable, Equatable {
    /// One `<math>` element, always well-formed.
    public var mathML: String
    /// The top-level `\tag{…}`, which the page can use as the equation's number.
    public var tag: EquationTag?
    /// Empty on success; otherwise the error that made the formula render as source.
    public var diagnostics: [TeXMathError]

    /// True when the formula could not be converted and shows as marked-up source.
    public var isError: Bool { !diagnostics.isEmpty }
}
