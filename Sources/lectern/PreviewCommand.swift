import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `lectern preview NOTEBOOK`: serves the rendered page on 127.0.0.1, re-renders when the file
/// changes (a prose edit comes from the cache at once) and makes the browser reload by itself
/// through server-sent events. The page written to disk stays script-free; only the served
/// copy carries the few lines that listen for reloads.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's page on 127.0.0.1 and re-render it on every save; the browser reloads by itself.")

    @Argument(help: "The notebook to preview.")
    var path: String

    @Option(help: "The port to listen on.")
    var port = 8765

    @Option(name: .shortAndLong, help: "The folder the page is also written to.")
    var output = "output"

    @OptionGroup var runOptions: RunOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be in 1...65535, got \(port)") }
    }

    func run() throws {
        let notebook = try findNotebooks([path])
        guard notebook.count == 1 else { throw ValidationError("preview takes one notebook, got \(notebook.count)") }
        try prepareOutputFolder(output)
        let state = PreviewState()
        let server = try PreviewServer(port: port, state: state)
        signal(SIGINT) { _ in PreviewServer.stop = 1 }
        signal(SIGPIPE, SIG_IGN)
        printError("previewing \(path) at http://127.0.0.1:\(port)/  (Ctrl-C stops)")
        var lastStamp = ""
        // The session after each cell is kept, so an edit re-runs only the cells from it on.
        let kept = KeptRun()
        while PreviewServer.stop == 0 {
            let stamp = modificationStamp(notebook[0])
            if stamp != lastStamp {
                lastStamp = stamp
                let start = Date()
                let outcomes = try runOptions.runAll(notebook, keeping: kept)
                if let html = renderPage(outcomes[0]) {
                    state.publish(html)
                    var how = ""
                    if outcomes[0].cached {
                        how = " (from cache)"
                    } else if let resumed = kept.state?.resumedAfterCells, resumed > 0 {
                        how = " (the first \(resumed) cell\(resumed == 1 ? "" : "s") kept from the last run)"
                    }
                    printError("rendered in \(String(format: "%.0f", Date().timeIntervalSince(start) * 1000)) ms\(how)")
                }
            }
            server.poll(milliseconds: 200)
        }
        server.close()
        printError("stopped")
    }

    /// The page for the browser, and written to the output folder like `render` does.
    private func renderPage(_ outcome: Pipeline.Outcome) -> String? {
        report(outcome.diagnostics)
        guard let result = outcome.result else { return nil }
        let page = PageRenderingBridge.page(result)
        let name = pageName(of: outcome.path)
        if runOptions.safe, let refusal = unsafePage(page, name) {
            report([refusal])
            return nil
        }
        try? writeAtomically(page, to: (output as NSString).appendingPathComponent(name))
        return page
    }

    private func modificationStamp(_ path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        return "\(date)-\(size)"
    }
}

/// The page being served and a version that changes on every render.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var html = "<!DOCTYPE html><title>Rendering…</title><p>Rendering…</p>"
    private(set) var version = 0

    func publish(_ page: String) {
        lock.lock(); defer { lock.unlock() }
        html = page
        version += 1
    }

    func snapshot() -> (String, Int) {
        lock.lock(); defer { lock.unlock() }
        return (html, version)
    }
}

/// A small HTTP/1.1 server on 127.0.0.1 with `poll(2)`: `GET /` is the page (with a listener
/// for reloads), `GET /events` is a server-sent-event stream that says "reload" after each render.
final class PreviewServer {
    nonisolated(unsafe) static var stop: sig_atomic_t = 0
    private let listener: Int32
    private let state: PreviewState
    /// Event-stream clients and the page version each has seen.
    private var streams: [Int32: Int] = [:]

    static let listenerScript = """
        <script>new EventSource("/events").onmessage = () => location.reload();</script>
        """

    init(port: Int, state: PreviewState) throws {
        self.state = state
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ValidationError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(listener)
            throw ValidationError("cannot listen on 127.0.0.1:\(port): \(reason) (choose another with --port)")
        }
    }

    /// Waits up to `milliseconds` for connections, answers them, and tells event streams about a new render.
    func poll(milliseconds: Int32) {
        var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        _ = Glibc.poll(&fds, 1, milliseconds)
        if fds[0].revents & Int16(POLLIN) != 0 {
            let client = accept(listener, nil, nil)
            if client >= 0 { answer(client) }
        }
        let (_, version) = state.snapshot()
        for (fd, seen) in streams where seen != version {
            if send(fd, "data: reload\n\n", 14, Int32(MSG_NOSIGNAL)) < 0 {
                Glibc.close(fd)
                streams[fd] = nil
            } else {
                streams[fd] = version
            }
        }
    }

    private func answer(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let n = recv(client, &buffer, buffer.count, 0)
        guard n > 0 else { Glibc.close(client); return }
        let request = String(decoding: buffer[0..<n], as: UTF8.self)
        let target = request.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        let (html, version) = state.snapshot()
        switch target {
        case "/events":
            write(client, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n")
            streams[client] = version
        case "/", "/index.html":
            let page = html.replacingOccurrences(of: "</body>", with: Self.listenerScript + "\n</body>")
            let body = Array(page.utf8)
            write(client, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n")
            _ = body.withUnsafeBytes { send(client, $0.baseAddress, body.count, Int32(MSG_NOSIGNAL)) }
            Glibc.close(client)
        default:
            write(client, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            Glibc.close(client)
        }
    }

    private func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    func close() {
        for fd in streams.keys { Glibc.close(fd) }
        Glibc.close(listener)
    }
}
