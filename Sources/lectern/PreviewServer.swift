import ArgumentParser
import FlyingFox
import Foundation

/// How many times each page of the preview's folder has changed, so that a page open in a
/// browser reloads when, and only when, its own file changes (its notebook, or the course file or
/// glossary that every page shows).
final class PageVersions: @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [String: Int] = [:]

    /// The version of `page` (a path relative to the served folder, `zh/02-ppca.html`).
    func version(of page: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        return versions[page, default: 0]
    }

    func bump(_ pages: some Sequence<String>) {
        lock.lock(); defer { lock.unlock() }
        for page in pages { versions[page, default: 0] += 1 }
    }
}

/// The preview's HTTP server, on FlyingFox: the files of the output folder on 127.0.0.1, each
/// HTML page with a few lines that wait for its next version and reload it. Only `GET` and `HEAD`
/// are answered, and only for a `Host` of 127.0.0.1 or localhost at this port, so a web page
/// elsewhere cannot read the course through a DNS name rebound to this machine. Requests run as
/// Swift tasks, so a slow render, a waiting page or idle connections do not hold up the others.
struct PreviewHandler: HTTPHandler {
    /// The folder served (the render's output).
    let root: URL
    let port: Int
    let versions: PageVersions
    /// The page `/` shows.
    let home: String
    /// How long a page's wait for a new version lasts before it asks again.
    var wait: Duration = .seconds(10)

    static let changes = "/__lectern/changes"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.headers[.host]?.lowercased() ?? ""
        guard ["127.0.0.1:\(port)", "localhost:\(port)"].contains(host) else {
            return Self.text(.forbidden, "This preview answers requests for 127.0.0.1:\(port) or localhost:\(port) only.\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.text(.methodNotAllowed, "The preview only reads: GET and HEAD.\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        if request.path == Self.changes { return try await waitForChange(request) }
        var path = request.path
        if path == "/" || path.isEmpty { path = "/" + home } else if path.hasSuffix("/") { path += "index.html" }
        // The path is decoded and its dot segments removed; what it names must still be inside root.
        let file = root.appendingPathComponent(String(path.drop { $0 == "/" })).standardizedFileURL
        guard file.path.hasPrefix(root.standardizedFileURL.path + "/"),
              let data = FileManager.default.contents(atPath: file.path) else {
            return Self.text(.notFound, "Not found: \(path)\n")
        }
        let page = String(file.path.dropFirst(root.standardizedFileURL.path.count + 1))
        var body = data
        let type = Self.contentType(file.pathExtension)
        if file.pathExtension == "html" {
            let html = String(decoding: data, as: UTF8.self)
            body = Data(html.replacingOccurrences(of: "</body>", with: Self.reloader(page: page, version: versions.version(of: page)) + "</body>").utf8)
        }
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            body = Data()
        }
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    /// Answers when `page`'s version passes `since` (200), or after `wait` (204: ask again).
    private func waitForChange(_ request: HTTPRequest) async throws -> HTTPResponse {
        let page = request.query["page"] ?? ""
        let since = Int(request.query["since"] ?? "") ?? 0
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            if versions.version(of: page) > since { return Self.text(.ok, "changed\n") }
            try await Task.sleep(for: .milliseconds(100))
        }
        return HTTPResponse(statusCode: .noContent, headers: HTTPHeaders([.cacheControl: "no-store"]))
    }

    /// The script added to a served page (never to the files written): wait for the page's next
    /// version, then reload.
    static func reloader(page: String, version: Int) -> String {
        let quoted = String(decoding: (try? JSONEncoder().encode(page)) ?? Data("\"\"".utf8), as: UTF8.self)
        return """
            <script>(() => { const wait = () => fetch("\(changes)?page=" + encodeURIComponent(\(quoted)) + "&since=\(version)", { cache: "no-store" })
              .then(r => r.status === 200 ? location.reload() : wait(), () => setTimeout(wait, 1000)); wait(); })();</script>

            """
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json", "ipynb": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "md", "txt", "csv": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"], body: Data(message.utf8))
    }
}

/// Starts `handler` on 127.0.0.1:`port` on Swift's task pool (the running task holds the server
/// for the process's life) and returns once it listens, or throws a message naming the port.
func startPreviewServer(_ handler: PreviewHandler, port: Int) throws {
    // IPv4 127.0.0.1, as printed and as the Host check expects (FlyingFox's `.loopback` is IPv6 ::1).
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), timeout: 30, logger: .disabled, handler: handler)
    let started = DispatchSemaphore(value: 0)
    final class Failure: @unchecked Sendable { var error: Error? }
    let failure = Failure()
    Task {
        do {
            try await server.run()
        } catch {
            failure.error = error
            started.signal()
        }
    }
    Task {
        try? await server.waitUntilListening(timeout: 10)
        started.signal()
    }
    started.wait()
    if let error = failure.error {
        throw ValidationError("cannot listen on 127.0.0.1:\(port): \(error) (choose another with --port)")
    }
}
