import CellInterpreter
import Foundation
import Notebook

/// Results of earlier runs, kept in `.lectern-cache/` so a notebook whose code, parameters and
/// data are unchanged re-renders without running a cell (a prose edit re-renders at once).
///
/// An entry is keyed by everything that decides what the cells produce: the Lectern version
/// and its output revision (figures drawn by an older Lectern are not served by a newer one),
/// the seed, the parameter values, each cell's code and the options that change its run
/// (`eval`, `error`, `expect-error`, `timeout`, `width`, `height`), and the inline expressions.
/// Data files the cells read are checked by content when the entry is looked up. Entries are
/// written atomically (a temporary file renamed into place), so two renders at once never
/// leave a torn entry; an unreadable entry is ignored with a warning and replaced.
public struct RunCache {
    /// The folder that holds the entries.
    public let folder: String

    public init(folder: String = ".lectern-cache") {
        self.folder = folder
    }

    /// What looking a notebook up found.
    public enum Lookup {
        case hit(NotebookResult)
        case miss
        /// The entry could not be used (corrupt, partial, from elsewhere); the warning says why.
        case unusable(Diagnostic)
    }

    /// The key of a run: a digest of what decides its outputs.
    public static func key(of document: Document, parameters: [(String, ParameterValue)], safe: Bool = false) -> String {
        var h = ContentDigest()
        h.add("lectern \(LecternVersion.current) outputs \(LecternVersion.outputRevision)")
        if safe { h.add("safe") }
        h.add("seed \(document.frontMatter.seed)")
        for (name, value) in parameters { h.add("param \(name) \(value.typeName) \(value)") }
        for cell in document.cells {
            let o = cell.options
            h.add("cell eval=\(o.eval) error=\(o.error) expect-error=\(o.expectError) timeout=\(o.timeout.map { "\($0)" } ?? "-") "
                  + "width=\(o.width.map { "\($0)" } ?? "-") height=\(o.height.map { "\($0)" } ?? "-")")
            h.add(cell.code)
        }
        for inline in document.inlineExpressions { h.add("inline \(inline.cellsBefore)"); h.add(inline.code) }
        return h.hex
    }

    /// The entry of a notebook (one per notebook path and build, replaced on each run).
    func entryPath(for document: Document) -> String {
        var h = ContentDigest()
        h.add(absolute(document.source.path))
        // One entry per build of a notebook, so a student render and `check`'s run of the starters
        // do not replace the instructor's (whose entry is named as before profiles existed).
        if let profile = document.profile, profile != .instructor { h.add("profile \(profile.rawValue)") }
        let name = ((document.source.path as NSString).lastPathComponent as NSString).deletingPathExtension
        return (folder as NSString).appendingPathComponent("\(name)-\(h.hex.prefix(16)).json")
    }

    /// The cached result of `document` under `key`, with locations moved to where its cells and
    /// inline expressions are now (the prose around them may have changed).
    public func lookup(_ document: Document, key: String) -> Lookup {
        let path = entryPath(for: document)
        guard let data = FileManager.default.contents(atPath: path) else { return .miss }
        let entry: CacheEntry
        do {
            entry = try JSONDecoder().decode(CacheEntry.self, from: data)
        } catch {
            return .unusable(.warning("ignoring the unreadable cache entry \(path) (\(error.localizedDescription)); the notebook runs again",
                                      at: nil))
        }
        guard entry.key == key, entry.cells.count == document.cells.count,
              entry.inlineValues.count == document.inlineExpressions.count else { return .miss }
        for file in entry.files where ContentDigest.of(file: file.path) != file.digest { return .miss }
        if let problem = entry.problem(for: document) {
            return .unusable(.warning("ignoring the cache entry \(path): \(problem); the notebook runs again", at: nil))
        }
        var result = NotebookResult(document: document, cells: [], inlineValues: [], diagnostics: [])
        result.filesRead = Dictionary(entry.files.map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        result.fromCache = true
        result.cacheKey = key
        for (cell, cached) in zip(document.cells, entry.cells) {
            result.cells.append(CellResult(cell: cell, status: cached.status.value, outputs: cached.outputs.map(\.output),
                                           failure: cached.failure?.diagnostic(at: cell.codeStart), seconds: cached.seconds))
        }
        for (inline, cached) in zip(document.inlineExpressions, entry.inlineValues) {
            result.inlineValues.append(cached.value(at: inline.location))
        }
        return .hit(result)
    }

    /// Keeps a successful run. Runs that failed are not kept: the next render tries again.
    public func store(_ result: NotebookResult, key: String) throws {
        guard !result.failed, result.diagnostics.isEmpty else { return }
        let entry = CacheEntry(
            key: key,
            // Each file's digest as the cell read it: a file changed since then makes the entry stale
            // at once, instead of storing the old results under the new file's digest.
            files: result.filesRead.sorted { $0.key < $1.key }.map { CachedFile(path: $0.key, digest: $0.value) },
            cells: result.cells.map { CachedCell($0) },
            inlineValues: zip(result.document.inlineExpressions, result.inlineValues).map { CachedInline($1, at: $0.location) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(entry)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = entryPath(for: result.document)
        try AtomicFile.write(data, to: path)
    }


    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

// MARK: - The entry's JSON form

struct CacheEntry: Codable {
    var key: String
    var files: [CachedFile]
    var cells: [CachedCell]
    var inlineValues: [CachedInline]
}

struct CachedFile: Codable {
    var path: String
    var digest: String
}

struct CachedCell: Codable {
    var status: CachedStatus
    var outputs: [CachedOutput]
    var failure: CachedFailure?
    var seconds: Double

    init(_ r: CellResult) {
        status = CachedStatus(r.status)
        outputs = r.outputs.map(CachedOutput.init)
        failure = r.failure.map { CachedFailure($0, relativeTo: r.cell.codeStart) }
        seconds = r.seconds
    }
}

struct CachedStatus: Codable {
    var name: String
    var allowed: Bool

    init(_ s: CellStatus) {
        switch s {
        case .succeeded: (name, allowed) = ("succeeded", false)
        case .failed(let a): (name, allowed) = ("failed", a)
        case .skipped: (name, allowed) = ("skipped", false)
        case .notRun: (name, allowed) = ("notRun", false)
        }
    }

    var value: CellStatus {
        switch name {
        case "succeeded": .succeeded
        case "failed": .failed(allowed: allowed)
        case "skipped": .skipped
        default: .notRun
        }
    }
}

/// A failure with its place relative to where its code starts, so it follows the code when
/// prose above it grows or shrinks.
struct CachedFailure: Codable {
    var kind: String
    var message: String
    var lineOffset: Int
    var column: Int
    var columnOffset: Int?
    var notes: [String]

    init(_ d: CellDiagnostic, relativeTo start: SourceLocation) {
        kind = d.kind.rawValue
        message = d.message
        lineOffset = d.line - start.line
        column = d.column
        columnOffset = d.line == start.line ? d.column - start.column : nil
        notes = d.notes
    }

    func diagnostic(at start: SourceLocation) -> CellDiagnostic {
        let line = start.line + lineOffset
        let col = columnOffset.map { start.column + $0 } ?? column
        return CellDiagnostic(kind: CellFailure.Kind(rawValue: kind) ?? .runtime, message: message, file: start.file,
                              line: line, column: col, notes: notes)
    }
}

struct CachedInline: Codable {
    var value: String?
    /// A String's text (`InlineResult.text`).
    var text: String?
    var failure: CachedFailure?

    init(_ r: InlineResult, at location: SourceLocation) {
        switch r {
        case .value(let v): value = v
        case .text(let t): text = t
        case .failed(let d): failure = CachedFailure(d, relativeTo: location)
        case .notRun: break
        }
    }

    func value(at location: SourceLocation) -> InlineResult {
        if let value { return .value(value) }
        if let text { return .text(text) }
        if let failure { return .failed(failure.diagnostic(at: location)) }
        return .notRun
    }
}

struct CachedOutput: Codable {
    var kind: String
    var text: String?
    var png: String?
    var width: Int?
    var height: Int?
    var description: String?

    init(_ o: CellOutput) {
        switch o {
        case .text(let t): kind = "printed"; text = t
        case .value(.text(let t)): kind = "text"; text = t
        case .value(.svg(let s, let d)): kind = "svg"; text = s; description = d
        case .value(.png(let bytes, let w, let h, let d)):
            kind = "png"; png = Data(bytes).base64EncodedString(); width = w; height = h; description = d
        case .value(.html(let h)): kind = "html"; text = h
        }
    }

    var output: CellOutput {
        switch kind {
        case "printed": .text(text ?? "")
        case "svg": .value(.svg(text ?? "", description: description ?? ""))
        case "png": .value(.png(Array(Data(base64Encoded: png ?? "") ?? Data()), width: width ?? 0, height: height ?? 0,
                                description: description ?? ""))
        case "html": .value(.html(text ?? ""))
        default: .value(.text(text ?? ""))
        }
    }
}
