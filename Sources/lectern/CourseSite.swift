import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// The site of a course (`lectern.yml`): every chapter's number, title and description, and the
/// labels each defines, read from the chapter files themselves (parsed, not run), so that a page
/// rendered alone still links to the others and numbers its figures within its chapter.
/// Returns the errors of labels defined in two chapters.
func courseSite(_ course: Course) -> (Site, [Diagnostic]) {
    var chapters: [Site.Chapter] = []
    var documents: [(page: String, document: Document)] = []
    for (number, path) in course.chapters.enumerated() {
        let page = pageName(of: path)
        // A chapter that cannot be read or parsed is reported by its run; here it keeps its file name.
        if let source = try? SourceFile.read(path: path), let document = try? DocumentParser.parse(source, safe: false, defaults: course.defaults) {
            chapters.append(Site.Chapter(page: page, number: number, title: document.title, description: document.frontMatter.description))
            documents.append((page, document))
        } else {
            chapters.append(Site.Chapter(page: page, number: number, title: (path as NSString).lastPathComponent))
        }
    }
    let language = course.defaultLanguage
    var site = Site(title: course.title.texts[language] ?? course.title.texts.values.first ?? "Course",
                    subtitle: course.subtitle.texts[language], chapters: chapters,
                    links: [Site.Link(page: ReferencePage.fileName, title: language.hasPrefix("zh") ? "函数参考" : "Library reference")])
    let errors = site.collectLabels(from: documents)
    return (site, errors)
}

extension Site {
    /// Marks the chapters whose run failed.
    mutating func markFailed(_ outcomes: [Pipeline.Outcome]) {
        let failed = Set(outcomes.filter { $0.result?.failed ?? true }.map { pageName(of: $0.path) })
        for i in chapters.indices where failed.contains(chapters[i].page) { chapters[i].failed = true }
    }
}
