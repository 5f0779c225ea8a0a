/// The words a page puts around its content — "Figure", "Previous", "Contents" — in the page's
/// language, so a Chinese page says 图 2.3 and 上一章 where an English one says Figure 2.3 and
/// Previous. One table; a language it lacks falls back to English.
struct Furniture: Sendable {
    var figure: String
    var table: String
    /// Written around an equation's number: "Equation (2.3)", "式 (2.3)".
    var equation: String
    var section: String
    var contents: String
    var chapters: String
    var previous: String
    var next: String
    var home: String
    var search: String
    var searchLabel: String
    var noResults: String
    /// Beside a chapter shown in the default language for want of a translation.
    var untranslatedMark: String = ""
    /// At the top of such a chapter.
    var untranslatedNote: String = ""
    /// Between a number and a name: "Figure 2" vs "图 2" both take a space; kept for clarity.
    var space = " "

    static let english = Furniture(figure: "Figure", table: "Table", equation: "Equation", section: "Section",
                                   contents: "Contents", chapters: "Chapters", previous: "Previous", next: "Next",
                                   home: "Home", search: "Search", searchLabel: "Search the course", noResults: "No results",
                                   untranslatedMark: "untranslated", untranslatedNote: "This chapter has no translation yet; it is shown in its original language.")
    static let chinese = Furniture(figure: "图", table: "表", equation: "式", section: "节",
                                   contents: "目录", chapters: "章节", previous: "上一章", next: "下一章",
                                   home: "首页", search: "搜索", searchLabel: "搜索课程", noResults: "无结果",
                                   untranslatedMark: "英文", untranslatedNote: "本章尚无中文译本，以下为英文原文。")

    /// The furniture for a BCP 47 language tag: Chinese for `zh…`, else English.
    static func forLanguage(_ tag: String) -> Furniture {
        tag.lowercased().hasPrefix("zh") ? .chinese : .english
    }
}
