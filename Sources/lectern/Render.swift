import ArgumentParser
import CellInterpreter
import Foundation
import Notebook
import NotebookRunner
import PageRendering
import Tensors

/// Options shared by `render` and `check`: how notebooks run.
extension Profile: ExpressibleByArgument {}

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

    @Option(help: "The build: student (starters; no solutions or hidden checks, in the pages or in the notebooks written beside them) or instructor (solutions in place of starters, hidden checks run against them and shown). Default: the course file's 'profile', else instructor.")
    var profile: Profile?

    var cacheMode: CacheMode { noCache ? .off : refresh ? .refresh : .normal }

    /// The build to make: `--profile`, else the course's, else the instructor's.
    func build(for course: Course?) -> Profile { profile ?? course?.profile ?? .instructor }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let profile, !Profile.builds.contains(profile) {
            throw ValidationError("--profile is student or instructor, got '\(profile.rawValue)'")
        }
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
    func runAll(_ notebooks: [String], course: Course? = nil, documents: ParsedNotebooks = ParsedNotebooks(),
                keeping kept: [String: KeptRun] = [:]) throws -> [Pipeline.Outcome] {
        let overrides = try parseParameters(parameters)
        let mode = cacheMode, safe = self.safe
        let memoryBytes = memoryLimit.map { $0 << 20 } ?? ContainedRun.defaultMemoryBytes
        let progress = ProgressPrinter(enabled: jobs == 1)
        // First every notebook is read and looked up in the cache, which writes nothing; only if
        // some must run does OpenBLAS get its better kernels by a restart (see `BLASKernels`), so
        // a render from the cache does not pay for starting the program twice. Looking up runs
        // nothing, so it uses every core whatever --jobs says.
        let prepared = Pipeline.processAll(notebooks, jobs: max(jobs, ProcessInfo.processInfo.activeProcessorCount)) { path in
            Pipeline.prepare(path, in: documents, course: course, overrides: overrides, cache: mode, safe: safe, progress: progress.step)
        }
        let pending = prepared.compactMap { if case .pending(let run) = $0 { run } else { nil } }
        if !pending.isEmpty { BLASKernels.restartIfSlower() }
        var ran = Pipeline.processAll(pending, jobs: jobs) { run in
            progress.start(run.path)
            let outcome = Pipeline.run(run, safe: safe, memoryBytes: memoryBytes, keeping: kept[run.path])
            progress.finish()
            return outcome
        }.makeIterator()
        // The runs come back in the order of the pending notebooks, which is the notebooks' order.
        let all = prepared.map { if case .done(let outcome) = $0 { outcome } else { ran.next()! } }
        if let report { try writeReport(all, to: report) }
        return all
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
    // Highlighted code from the last render, as the cache's results are (and under the same rules).
    let keptHighlighting = runOptions.cacheMode != .off && !runOptions.safe ? HighlightingCache.load() : nil
    defer { if let keptHighlighting { HighlightingCache.save(loaded: keptHighlighting) } }
    // The binding registry, which the reference page lists, takes 25 ms to build: built on
    // another core while this one reads the chapters and the cache (cells that run use it too).
    if course != nil { DispatchQueue.global().async { _ = Registry.standard } }
    try checkOutputNames(notebooks, index: true,
                         reserved: course == nil ? [:] : ["index.html": "the course's home page", ReferencePage.fileName: "the library reference",
                                                          Glossary.pageName: "the glossary"])
    try prepareOutputFolder(output)
    var entries: [IndexPage.Entry] = []
    // A course is one site: every page carries its navigation and resolves references across chapters.
    var site: Site? = nil
    let profile = runOptions.build(for: course)
    let documents = ParsedNotebooks(profile: profile)
    if let course {
        documents.parseChapters(of: course)
        site = try siteOrExit(course, documents: documents, failed: &failed)
        site?.search = true
    }
    let outcomes = try runOptions.runAll(notebooks, course: course, documents: documents, keeping: kept)
    site?.markFailed(outcomes)
    var options = options
    options.notebookLink = profile == .student
    // Pages already written from the same inputs are left as they are (not under --safe, whose
    // pages are checked as they are written, nor with the cache off).
    let pageCache = runOptions.cacheMode == .off || runOptions.safe ? nil : PageCache(context: [
        "profile \(profile.rawValue)", options.fingerprint,
        "params " + runOptions.parameters.joined(separator: "\u{1}"),
        course == nil ? "no course" : (try? String(contentsOfFile: Course.fileName, encoding: .utf8)) ?? "unreadable course",
    ].joined(separator: "\n"))
    defer { pageCache?.save() }
    var writer = SiteWriter(folder: output, safe: runOptions.safe, options: options)
    writer.notebooks = profile == .student
    writer.pageCache = pageCache
    for outcome in outcomes {
        report(outcome.diagnostics)
        if outcome.result == nil { failed = true }
    }
    let ran = outcomes.filter { $0.result != nil }
    let written = writer.pages(ran.map { ($0.result!, pageName(of: $0.path)) }, site: site)
    for (outcome, written) in zip(ran, written) where written {
        let result = outcome.result!, name = pageName(of: outcome.path)
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
            var languageSite = try siteOrExit(course, language: language, documents: documents, failed: &failed)
            languageSite.search = true
            languageSite.markFailed(outcomes)
            let folder = (output as NSString).appendingPathComponent(language)
            try prepareOutputFolder(folder)
            var translated = SiteWriter(folder: folder, safe: runOptions.safe, options: options)
            translated.notebooks = profile == .student
            translated.pageCache = pageCache
            let shown = results(in: language, of: outcomes, course: course, documents: documents, safe: runOptions.safe, failed: &failed)
            translated.pages(shown.map { ($0.result, $0.page) }, site: languageSite)
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
        // The instructor's build unless --profile says otherwise: solutions with their checks.
        let profile = runOptions.profile ?? .instructor
        let documents = ParsedNotebooks(profile: profile)
        if let course { documents.parseChapters(of: course) }
        let site = try course.map { try siteOrExit($0, documents: documents, failed: &failed) }
        let notebooks = try resolveNotebooks(paths, course: course)
        // Notebooks with hidden checks run twice: the solutions (here), then the starters with the
        // checks, resumed after the last cell the two share (`RunState`).
        let graded = profile == .instructor ? notebooks.filter { path in
            (try? documents.document(path, course: course, safe: runOptions.safe))?.exercises.contains { !$0.checks.isEmpty } ?? false
        } : []
        let kept = runOptions.safe ? [:] : Dictionary(uniqueKeysWithValues: graded.map { ($0, KeptRun()) })
        let outcomes = try runOptions.runAll(notebooks, course: course, documents: documents, keeping: kept)
        for outcome in outcomes {
            report(outcome.diagnostics)
            if let result = outcome.result {
                if report(PageRenderer.render(result, site: site, page: pageName(of: outcome.path)).warnings) { failed = true }
            }
            if outcome.result?.failed ?? true { failed = true }
            let status = outcome.result.map { $0.failed ? "failed" : outcome.cached ? "ok, from cache" : "ok" } ?? "failed"
            printError("\(outcome.path): \(status) (\(String(format: "%.2f", outcome.seconds)) s)")
        }
        // Every exercise needs work: its starters, followed by its hidden checks, fail one of them.
        if !graded.isEmpty {
            let starters = ParsedNotebooks(profile: .startersAndChecks)
            for outcome in try runOptions.runAll(graded, course: course, documents: starters, keeping: kept) {
                report(outcome.diagnostics)
                guard let result = outcome.result, !result.failed else { failed = true; continue }
                let needless = Grading.exercisesNeedingNoWork(result)
                if report(needless) { failed = true }
                let grades = Grading.grades(of: result)
                printError("\(outcome.path): \(grades.count) exercise\(grades.count == 1 ? "" : "s") with hidden checks; the starters fail \(grades.count - needless.count) of them, as they should (\(String(format: "%.2f", outcome.seconds)) s)")
            }
        }
        // Translations: each must match its original (`Translation.apply`) and render cleanly.
        if let course {
            for language in course.languages.dropFirst() {
                let languageSite = try siteOrExit(course, language: language, documents: documents, failed: &failed)
                for (name, result, translated) in results(in: language, of: outcomes, course: course, documents: documents, safe: runOptions.safe, failed: &failed)
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
