/// One lexical unit of TeX math source, with the UTF-8 offset where it starts.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `\name` (letters) or `\X` (one non-letter), without the backslash.
        case command(String)
        /// Any other character: letters, digits, symbols, `'`, `~`.
        case character(Unicode.Scalar)
        case beginGroup  // {
        case endGroup  // }
        case caret  // ^ (superscript)
        case underscore  // _ (subscript)
        case alignmentTab  // &
        case end
    }

    var kind: Kind
    /// UTF-8 offset of the token's first byte in the whole TeX string.
    var offset: Int
    /// For a command, what the command table says it is (nil: unknown command).
    var entry: CommandEntry? = nil

    /// The token as TeX source, for messages.
    var spelling: String {
        switch kind {
        case .command(let name): return "\\" + name
        case .character(let scalar): return String(Character(scalar))
        case .beginGroup: return "{"
        case .endGroup: return "}"
        case .caret: return "^"
        case .underscore: return "_"
        case .alignmentTab: return "&"
        case .end: return "end of formula"
        }
    }
}
