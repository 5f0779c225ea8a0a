import ArgumentParser
import Foundation
import Notebook
import NotebookRunner
import PageRendering
import Tensors

/// `lectern preview [NOTEBOOK]`: renders, serves on 127.0.0.1 (`PreviewHandler`, on FlyingFox)
/// and re-renders on every save; the page being read reloads by itself when its file changes.
/// With no notebook and a course file it serves the whole course — every page, both languages,
/// search — and watches the chapters, their translations, the course file and the glossary.
/// Renders run on this thread, requests on Swift's task pool, so neither waits for the other.
/// The pages written to disk stay as `render` writes them; only the served copies carry the
/// reload script. Ctrl-C exits at once, a running cell with it (once a file being written is whole).
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the course (or one notebook) on 127.0.0.1 and re-render on every save; pages reload by themselves.")

    @Argument(help: "The notebook to preview (default: the whole course of lectern.yml).")
    var path: String?

    @Option(help: "The port to listen on.")
    var port = 8765

    @Option(name: .shortAndLong, help: "The folder pages are written to and served from (default: output, or the course file's output).")
    var output: String?

    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be in 1...65535, got \(port)") }
    }

    func run() throws {
        BLASKernels.restartIfSlower()  // a preview runs cells; see Lectern.main
        AtomicFile.exitCleanlyOnInterrupt()
        var course = try loadCourse()
        if path == nil && course == nil {
            throw ValidationError("preview takes a notebook, or serves the course of a lectern.yml in this folder; there is none")
        }
        var notebooks = try notebooksToPreview(course)
        let output = self.output ?? course?.output ?? "output"
        try prepareOutputFolder(output)
        let versions = PageVersions()
        let home = path.map { pageName(of: $0) } ?? "index.html"
        let handler = PreviewHandler(root: URL(fileURLWithPath: output, isDirectory: true), port: port, versions: versions, home: home)
        try startPreviewServer(handler, port: port)
        printError("previewing \(path ?? "the course") at http://127.0.0.1:\(port)/  (Ctrl-C stops)")
        // The session after each cell is kept per notebook, so an edit re-runs only the cells from it on.
        var kept: [String: KeptRun] = [:]
        var stamps: [String: String] = [:]
        while true {
            let watched = watchedFiles(notebooks, course: course)
            let now = Dictionary(uniqueKeysWithValues: watched.map { ($0, modificationStamp($0)) })
            if now != stamps {
                // After the first render, a changed course file may change the chapters.
                let courseChanged = !stamps.isEmpty && stamps[Course.fileName] != now[Course.fileName]
                stamps = now
                if courseChanged, let reloaded = try? loadCourse() {
                    course = reloaded
                    notebooks = (try? notebooksToPreview(course)) ?? notebooks
                }
                for notebook in notebooks where kept[notebook] == nil { kept[notebook] = KeptRun() }
                let start = Date()
                let before = fileDigests(in: output)
                _ = try? renderPages(notebooks, course: course, output: output, runOptions: runOptions, options: PageOptions(), keeping: kept)
                let after = fileDigests(in: output)
                let changed = after.filter { before[$0.key] != $0.value }.map(\.key)
                versions.bump(changed)
                printError("rendered in \(String(format: "%.0f", Date().timeIntervalSince(start) * 1000)) ms; \(changed.count) file\(changed.count == 1 ? "" : "s") changed")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    private func notebooksToPreview(_ course: Course?) throws -> [String] {
        if let path {
            let found = try findNotebooks([path])
            guard found.count == 1 else { throw ValidationError("preview takes one notebook, got \(found.count)") }
            return found
        }
        return try resolveNotebooks([], course: course)
    }

    /// The notebooks, their translations, the course file and the glossary.
    private func watchedFiles(_ notebooks: [String], course: Course?) -> [String] {
        var files = notebooks
        if let course {
            files.append(Course.fileName)
            if let glossary = course.glossary { files.append(glossary) }
            for language in course.languages.dropFirst() { files += notebooks.map { Translation.path(of: $0, language: language) } }
        }
        return files
    }

    private func modificationStamp(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        return "\(date)-\(size)"
    }

    /// The pages and scripts under `folder`, by path relative to it.
    private func fileDigests(in folder: String) -> [String: Data] {
        var digests: [String: Data] = [:]
        guard let names = FileManager.default.subpaths(atPath: folder) else { return digests }
        for name in names where name.hasSuffix(".html") || name.hasSuffix(".js") {
            if let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) { digests[name] = data }
        }
        return digests
    }
}
