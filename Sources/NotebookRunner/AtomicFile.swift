import Foundation

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

    /// Writes `data` to `path` through a temporary file renamed into place.
    public static func write(_ data: Data, to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
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
