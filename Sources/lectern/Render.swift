import ArgumentParser
import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import PageRendering

/// Options shared by `render` and `check`: how notebooks run.
struct RunOptions: ParsableArguments {
    @Option(name: .customLong("param"), help: "Override a front-matter parameter: --param name=value.")
    var parameters: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Run every cell and leave .lectern-cache/ alone.")
    var noCache = false

    @Flag(help: "Run every cell, then replace the notebook's entry in .lectern-cache/.")
    var refresh = false

    @Option(name: .shortAndLong, help: "Notebooks run at once (each on its own thread).")
    var jobs = 1

    @Option(help: "Write a JSON report of every notebook and cell (status, seconds, diagnostics) to this file.")
    var report: String?

    @Flag(help: "For notebooks from others: no raw HTML or script addresses, files only inside the notebook's folder, 10 s per cell and 300 s per notebook, smaller size limits, each notebook in a process of its own (2 GiB).")
    var safe = false

    @Option(name: .customLong("memory-limit"), help: "With --safe: the memory each notebook's process may use, in MiB (default 2048, at least 1024).")
    var memoryLimit: Int?

    var cacheMode: CacheMode { noCache ? .off : refresh ? .refresh : .normal }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let memoryLimit {
            guard safe else { throw ValidationError("--memory-limit applies to --safe runs only (a notebook you trust runs in this process, without a limit)") }
            guard memoryLimit >= 1024 else {
                throw ValidationError("--memory-limit is in MiB and must be at least 1024 (cells run on a thread whose 512 MiB stack counts against it), got \(memoryLimit)")
            }
        }
    }

    /// Runs the notebooks, printing diagnostics and progress as each finishes; each notebook's
    /// front matter starts from the `course`'s defaults.
    /// `kept`: for `preview`, per notebook the state of its last run, updated by this run (a run
    /// resumes from it after the last unchanged cell).
    func runAll(_ notebooks: [String], course: Course? = nil, keeping kept: [String: KeptRun] = [:]) throws -> [Pipeline.Outcome] {
        let overrides = try parseParameters(parameters)
        let mode = cacheMode, safe = self.safe
        let memoryBytes = memoryLimit.map { $0 << 20 } ?? ContainedRun.defaultMemoryBytes
        let progress = ProgressPrinter(enabled: jobs == 1)
        let outcomes = Pipeline.processAll(notebooks, jobs: jobs) { path in
            progress.start(path)
            let outcome = Pipeline.process(path, overrides: overrides, cache: mode, safe: safe, memoryBytes: memoryBytes,
                                           defaults: course?.defaults ?? FrontMatter(), progress: progress.step, keeping: kept[path])
            progress.finish()
            return outcome
        }
        if let report { try writeReport(outcomes, to: report) }
        return outcomes
    }
}

/// `lectern render`: one page per notebook, and an index when there are several.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write one HTML page for each.",
        discussion: """
        Folders are searched for .md files (in file-name order). Defaults: notebooks/ → output/, or, \
        with a lectern.yml in this folder, its chapters in its order → its output folder. \
        Several notebooks also get an index.html listing them. A notebook whose code, parameters \
        and data files are unchanged is not run again: its results come from .lectern-cache/.
        """)

    @Argument(help: "Notebooks or folders of notebooks.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder pages are written to (default: output, or the course file's output).")
    var output: String?

    @Flag(help: "Render handouts for printing: code hidden unless a cell sets echo: true.")
    var handout = false

    @Flag(inversion: .prefixedNo,
          help: "Show each cell's running time on the page (off by default, so that a notebook gives byte-identical pages from run to run; --report records the times either way).")
    var timings = false

    @OptionGroup var runOptions: RunOptions

    func run() throws {
        AtomicFile.exitCleanlyOnInterrupt()
        let course = try loadCourse()
        let notebooks = try resolveNotebooks(paths, course: course)
        let output = self.output ?? course?.output ?? "output"
        let failed = try renderPages(notebooks, course: course, output: output, runOptions: runOptions,
                                     options: PageOptions(handout: handout, timings: timings))
        if failed { throw ExitCode.failure }
    }
}

/// Runs `notebooks` and writes their pages into `output`: for a course, its site in every
/// language (home pages, glossary, search, reference); for several notebooks, an index. Returns
/// whether anything failed (every problem is reported on the way). `kept`: per notebook, the
/// state of its last run, for `preview` (a run resumes after the last unchanged cell).
func renderPages(_ notebooks: [String], course: Course?, output: String, runOptions: RunOptions, options: PageOptions,
                 keeping kept: [String: KeptRun] = [:]) throws -> Bool {
    var failed = false
    try checkOutputNames(notebooks, index: true,
                         reserved: course == nil ? [:] : ["index.html": "the course's home page", ReferencePage.fileName: "the library reference",
                                                          Glossary.pageName: "the glossary"])
    try prepareOutputFolder(output)
    var entries: [IndexPage.Entry] = []
    // A course is one site: every page carries its navigation and resolves references across chapters.
    var site: Site? = nil
    if let course {
        site = try siteOrExit(course, failed: &failed)
        site?.search = true
    }
    let outcomes = try runOptions.runAll(notebooks, course: course, keeping: kept)
    site?.markFailed(outcomes)
    var writer = SiteWriter(folder: output, safe: runOptions.safe, options: options)
    for outcome in outcomes {
        report(outcome.diagnostics)
        guard let result = outcome.result else {
            failed = true
            continue
        }
        let name = pageName(of: outcome.path)
        guard writer.page(result, name: name, site: site) else { continue }
        entries.append(IndexPage.Entry(page: name, title: result.document.title, subtitle: result.document.frontMatter.subtitle,
                                       failed: result.failed))
        let status = result.failed ? "with errors" : outcome.cached ? "ok, from cache" : "ok"
        printError("\(writer.path(name))  (\(result.cells.count) cells, \(String(format: "%.2f", outcome.seconds)) s, \(status))")
    }
    // A course gets its home page, glossary, search and reference; a folder of notebooks an index.
    if let site {
        writer.courseExtras(site: site, reference: true)
    } else if notebooks.count > 1 {
        writer.write("index.html", IndexPage.render(title: "Notebooks", entries: entries), what: "\(entries.count) notebooks")
    }
    if writer.failed { failed = true }
    // Each other language of the course: the same runs, shown with the translations' prose.
    if let course {
        for language in course.languages.dropFirst() {
            var languageSite = try siteOrExit(course, language: language, failed: &failed)
            languageSite.search = true
            languageSite.markFailed(outcomes)
            let folder = (output as NSString).appendingPathComponent(language)
            try prepareOutputFolder(folder)
            var translated = SiteWriter(folder: folder, safe: runOptions.safe, options: options)
            for (name, result, _) in results(in: language, of: outcomes, course: course, safe: runOptions.safe, failed: &failed) {
                translated.page(result, name: name, site: languageSite)
            }
            translated.courseExtras(site: languageSite, reference: false)
            printError("\(folder)/  (\(languageSite.chapters.filter { !$0.untranslated }.count) of \(languageSite.chapters.count) chapters translated)")
            if translated.failed { failed = true }
        }
        reportSiteSize(output)
    }
    return failed
}

/// Prints the size of the site in `folder`: its pages, scripts and their total.
func reportSiteSize(_ folder: String) {
    var pages = 0, bytes = 0
    for name in FileManager.default.subpaths(atPath: folder) ?? [] where name.hasSuffix(".html") || name.hasSuffix(".js") {
        let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
        bytes += (attributes?[.size] as? NSNumber)?.intValue ?? 0
        pages += 1
    }
    printError("\(folder): the site is \(pages) files, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB")
}

/// `lectern check`: run without writing pages; exit non-zero on any error or failed expectation.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run notebooks without writing pages; fail on any error.")

    @Argument(help: "Notebooks or folders of notebooks.")
    var paths: [String] = []

    @OptionGroup var runOptions: RunOptions

    func run() throws {
        AtomicFile.exitCleanlyOnInterrupt()
        var failed = false
        let course = try loadCourse()
        let site = try course.map { try siteOrExit($0, failed: &failed) }
        let outcomes = try runOptions.runAll(try resolveNotebooks(paths, course: course), course: course)
        for outcome in outcomes {
            report(outcome.diagnostics)
            if let result = outcome.result {
                if report(PageRenderer.render(result, site: site, page: pageName(of: outcome.path)).warnings) { failed = true }
            }
            if outcome.result?.failed ?? true { failed = true }
            let status = outcome.result.map { $0.failed ? "failed" : outcome.cached ? "ok, from cache" : "ok" } ?? "failed"
            printError("\(outcome.path): \(status) (\(String(format: "%.2f", outcome.seconds)) s)")
        }
        // Translations: each must match its original (`Translation.apply`) and render cleanly.
        if let course {
            for language in course.languages.dropFirst() {
                let languageSite = try siteOrExit(course, language: language, failed: &failed)
                for (name, result, translated) in results(in: language, of: outcomes, course: course, safe: runOptions.safe, failed: &failed)
                    where translated {
                    if report(PageRenderer.render(result, site: languageSite, page: name).warnings) { failed = true }
                    printError("\(result.document.source.path): ok (the translation of \(name))")
                }
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// Under `--safe`, the independent check of a finished page (`PageSafety`): a page that fails
/// it is not written. The renderer is built never to produce one; this is the second line.
func unsafePage(_ html: String, _ destination: String) -> Diagnostic? {
    let violations = PageSafety.violations(in: html)
    guard !violations.isEmpty else { return nil }
    return Diagnostic(.error, "\(destination) was not written: under --safe it would hold \(violations[0])", at: nil,
                      notes: violations.dropFirst().prefix(4).map { "and \($0)" } + ["this is a bug in Lectern; please report it"])
}

func parseParameters(_ items: [String]) throws -> [String: String] {
    var out: [String: String] = [:]
    for item in items {
        guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
            throw ValidationError("--param needs the form name=value, got '\(item)'")
        }
        out[String(item[..<eq])] = String(item[item.index(after: eq)...])
    }
    return out
}
