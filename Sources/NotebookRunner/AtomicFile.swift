import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files written whole or not at all: the bytes go to a temporary file in the same folder,
/// which is then renamed over the old one, so a reader never sees half a page or half a cache
/// entry. With `exitCleanlyOnInterrupt`, Ctrl-C or `kill` waits for a write in progress, so an
/// interrupted render leaves every page and cache entry either as it was or complete, and no
/// temporary file behind. (`kill -9` cannot be waited for; the rename still keeps the old file
/// whole.)
public enum AtomicFile {
    /// Held for the whole of each write, and by the interrupt handler before it exits.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// Writes `data` to `path` through a temporary file renamed into place. A destination that
    /// exists and is not a regular file (a FIFO, a device, a symbolic link, a folder) is refused,
    /// not replaced. The temporary has a short name of its own (`.lectern-PID-N.tmp`), created
    /// exclusively; temporaries left by a run that was killed are removed the first time a folder
    /// is written to. Errors say what the system said (no space left, name too long …).
    public static func write(_ data: Data, to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw FileWriteError(path: path, reason: "exists and is not a regular file (\(kind(status.st_mode))); Lectern writes only regular files")
        }
        removeLeftovers(in: directory)
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temporary = directory + "/.lectern-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw FileWriteError(path: path, errno: errno) }
        let failure: Int32? = data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        let closed = close(fd) == 0 ? nil : errno
        if let code = failure ?? closed {
            unlink(temporary)
            throw FileWriteError(path: path, errno: code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw FileWriteError(path: path, errno: code)
        }
    }

    /// Folders already cleaned of leftovers in this process.
    nonisolated(unsafe) private static var cleaned: Set<String> = []

    /// Removes `.lectern-PID-N.tmp` files (and the older `.NAME.PID.N.tmp`) whose process is gone.
    private static func removeLeftovers(in directory: String) {
        guard cleaned.insert(directory).inserted, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasSuffix(".tmp") && (name.hasPrefix(".lectern-")
                                 || (name.hasPrefix(".") && [".html.", ".json.", ".ipynb."].contains { name.contains($0) })) {
            let parts = name.dropLast(4).split(separator: name.hasPrefix(".lectern-") ? "-" : ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + name)
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Makes SIGINT (Ctrl-C) and SIGTERM end the process, once any write in progress has
    /// finished, with the shell's statuses 130 and 143 and a line saying what was kept.
    public static func exitCleanlyOnInterrupt() {
        guard signalSources.isEmpty else { return }
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                FileHandle.standardError.write(Data("\ninterrupted: pages and cache entries already written are complete; the others are as they were\n".utf8))
                _exit(status)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}

/// A file that could not be written, with the system's own reason ("No space left on device",
/// "File name too long", "Too many open files").
public struct FileWriteError: Error, LocalizedError, CustomStringConvertible {
    public let path: String
    public let reason: String

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)).lowercasedFirst)
    }

    public var description: String { "\(path): \(reason)" }
    /// The reason alone: callers name the path themselves ("cannot write PATH: …").
    public var errorDescription: String? { reason }
}

private extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
