import ArgumentParser
import Foundation
import Notebook
import NotebookRunner

/// The course file (`lectern.yml`) of the folder lectern runs in, parsed; nil when there is none.
/// A course file that cannot be read or parsed is a located error.
func loadCourse() throws -> Course? {
    guard FileManager.default.fileExists(atPath: Course.fileName) else { return nil }
    do {
        let source = try SourceFile.read(path: Course.fileName)
        return try Course.parse(source.text, path: Course.fileName)
    } catch {
        report([error])
        throw ExitCode.failure
    }
}

/// The notebooks to run: the paths given; with none, the course's chapters in its order (each
/// must exist), or else `notebooks/`.
func resolveNotebooks(_ paths: [String], course: Course?) throws -> [String] {
    guard paths.isEmpty, let course else { return try findNotebooks(paths) }
    for (chapter, location) in zip(course.chapters, course.chapterLocations) where !FileManager.default.fileExists(atPath: chapter) {
        report([.error("chapter '\(chapter)' does not exist", at: location)])
        throw ExitCode.failure
    }
    return course.chapters
}

/// Expands the command line's paths: files as given, folders to their `.md` files in name order.
func findNotebooks(_ paths: [String]) throws -> [String] {
    let given = paths.isEmpty ? ["notebooks"] : paths
    var found: [String] = []
    for path in given {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path): no such file or directory")
        }
        if isDirectory.boolValue {
            let all = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            // Translations (a.zh.md beside a.md) render with their originals, not as notebooks.
            let names = all.filter { !Translation.isTranslation($0, among: Set(all)) }
            if names.isEmpty { throw ValidationError("\(path): no .md notebooks in this folder") }
            found += names.sorted().map { (path as NSString).appendingPathComponent($0) }
        } else {
            found.append(path)
        }
    }
    return found
}

/// The file a notebook becomes: its file name with `.html` (or `ext`) for `.md`.
func pageName(of notebook: String, ext: String = "html") -> String {
    ((notebook as NSString).lastPathComponent as NSString).deletingPathExtension + "." + ext
}

/// Refuses, before anything is written, notebooks whose outputs would overwrite one another (two
/// `intro.md` in different folders) or, with `index`, the index that several notebooks get (an
/// `index.md`).
/// `reserved`: other pages the render writes, by name and what they hold.
func checkOutputNames(_ notebooks: [String], ext: String = "html", index: Bool, reserved: [String: String] = [:]) throws {
    var owner: [String: String] = [:]
    for notebook in notebooks {
        let name = pageName(of: notebook, ext: ext)
        if let what = reserved[name] {
            throw ValidationError("\(notebook) would be written to \(name), where \(what) goes; rename it")
        }
        if index, notebooks.count > 1, name == "index.html" {
            throw ValidationError("\(notebook) would be written to index.html, where the index of the \(notebooks.count) notebooks goes; rename it")
        }
        if let other = owner[name] {
            throw ValidationError("\(other) and \(notebook) would both be written to \(name); rename one of them")
        }
        owner[name] = notebook
    }
}

func prepareOutputFolder(_ path: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw ValidationError("\(path): exists and is not a folder") }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw ValidationError("cannot create the output folder \(path): \(error.localizedDescription)")
    }
}

/// Writes through a temporary file in the same folder renamed into place (`AtomicFile`), so a
/// reader, or an interrupted render, never sees half a page.
func writeAtomically(_ text: String, to path: String) throws {
    try AtomicFile.write(Data(text.utf8), to: path)
}

/// Prints `diagnostics`; returns whether any is an error (which fails the command).
@discardableResult
func report(_ diagnostics: [Diagnostic]) -> Bool {
    for d in diagnostics { printError(d.description) }
    return diagnostics.contains { $0.severity == .error }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
