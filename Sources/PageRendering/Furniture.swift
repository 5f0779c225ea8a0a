import Notebook

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
                                   untranslatedMark: "untranslated", untranslatedNote: "This chapter has no translation yet; it is shown in its original language.",
                                   blockNames: [.exercise: "Exercise", .hint: "Hint", .solution: "Solution", .definition: "Definition",
                                                .theorem: "Theorem", .lemma: "Lemma", .proposition: "Proposition", .proof: "Proof",
                                                .remark: "Remark", .example: "Example", .algorithm: "Algorithm", .note: "Note",
                                                .tip: "Tip", .warning: "Warning", .important: "Important"])
    static let chinese = Furniture(figure: "图", table: "表", equation: "式", section: "节",
                                   contents: "目录", chapters: "章节", previous: "上一章", next: "下一章",
                                   home: "首页", search: "搜索", searchLabel: "搜索课程", noResults: "无结果",
                                   untranslatedMark: "英文", untranslatedNote: "本章尚无中文译本，以下为英文原文。",
                                   blockNames: [.exercise: "练习", .hint: "提示", .solution: "解答", .definition: "定义",
                                                .theorem: "定理", .lemma: "引理", .proposition: "命题", .proof: "证明",
                                                .remark: "注记", .example: "例", .algorithm: "算法", .note: "注",
                                                .tip: "技巧", .warning: "警告", .important: "重要"],
                                   notebookLink: "下载本章的笔记本（.md），在其中完成练习",
                                   starterLabel: "起始代码：在此作答", solutionLabel: "解答",
                                   hiddenCheckLabel: { points, _ in "隐藏检查 · \(points) 分（学生版不含）" },
                                   colon: "：", parentheses: ("（", "）"),
                                   dateStyle: .chinese)

    /// The names of the blocks (`Div.Kind`): "Exercise" / "练习", "Theorem" / "定理", …
    var blockNames: [Div.Kind: String] = [:]

    /// The link to the notebook beside a student build's page.
    var notebookLink = "Download this chapter's notebook (.md) to work the exercises in"
    /// Above an exercise's cells: the starter a student edits, a solution, a hidden check (only
    /// the instructor build shows solutions and checks) with what it is worth, one point or more.
    var starterLabel = "Starter: your code goes here"
    var solutionLabel = "Solution"
    var hiddenCheckLabel: @Sendable (_ points: String, _ one: Bool) -> String = { points, one in
        "Hidden check · \(points) point\(one ? "" : "s") (not in the student build)"
    }

    func exercisePart(_ part: ExercisePart, points: Double) -> String {
        switch part {
        case .starter: starterLabel
        case .solution: solutionLabel
        case .check: hiddenCheckLabel(FeedbackPage.points(points), points == 1)
        }
    }

    /// A block kind's name in this language.
    func blockName(_ kind: Div.Kind) -> String {
        blockNames[kind] ?? Furniture.english.blockNames[kind] ?? kind.rawValue.capitalized
    }

    /// Between a folded block's name and its title: "Hint: Start from n = 1", "提示：从 n = 1 开始".
    var colon = ": "
    /// Around a numbered block's title: "Exercise 2.1 (Sums)", "练习 2.1（求和）".
    var parentheses = (" (", ")")

    /// How a date is written: "3 December 2026", "2026年12月3日".
    var dateStyle: DateStyle = .dayMonthYear

    enum DateStyle: Sendable {
        case dayMonthYear, chinese
    }

    /// `written` (the front matter's `date`) in this language when it is an ISO date
    /// (`2026-12-03`); anything else as written. Numbers need nothing per language: English and
    /// Chinese alike write 1 797 and 0.25 (SI grouping with thin spaces, GB 3101's too).
    func date(_ written: String) -> String {
        let parts = written.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return written }
        switch dateStyle {
        case .dayMonthYear: return "\(day) \(Self.months[month - 1]) \(year)"
        case .chinese: return "\(year)年\(month)月\(day)日"
        }
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The furniture for a BCP 47 language tag: Chinese for `zh…`, else English.
    static func forLanguage(_ tag: String) -> Furniture {
        tag.lowercased().hasPrefix("zh") ? .chinese : .english
    }
}
