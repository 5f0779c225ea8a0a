import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `lectern preview` serving a course, spoken to over raw sockets as a browser (or an attacker)
/// would: pages in both languages, search, the reload wait, the Host and method rules, idle
/// connections, and Ctrl-C.
extension CommandLineTests {
    /// A port nothing listens on now (bound to port 0 and released).
    func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length); return getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connected socket to 127.0.0.1:`port`, or -1.
    func connectTo(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(fd); return -1 }
        return fd
    }

    /// Sends one request and reads the response until the server closes or `timeout` passes.
    func http(_ port: Int, _ method: String = "GET", _ target: String, host: String? = nil, timeout: Int = 15) -> String {
        let fd = connectTo(port)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let request = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func previewServesTheCourseAndReloadsTheChangedPage() throws {
        let dir = try workspace([
            "lectern.yml": text("title: {en: Course, zh: 课程}\nlanguages: [en, zh]\nchapters: [notebooks/00-a.md, notebooks/01-b.md]\nglossary: glossary.yml\n"),
            "glossary.yml": text("- {en: sum, zh: 和, definition: What adding gives., chapter: 0}\n"),
            "notebooks/00-a.md": text("---\ntitle: Sums\n---\n\n```swift\nlet total = 3\nprint(\"total:\", total)\n```\n\nFirst words about a [[sum]].\n"),
            "notebooks/00-a.zh.md": text("---\ntitle: 求和\n---\n\n```swift\nlet total = 3\nprint(\"total:\", total)\n```\n\n第一句。\n"),
            "notebooks/01-b.md": text("# B\n\nSecond.\n"),
        ])
        let port = freePort()
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["preview", "--port", String(port)]
        process.currentDirectoryURL = dir
        let log = dir.appendingPathComponent("preview.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let start = Date()
        while !logText().contains("rendered in"), Date().timeIntervalSince(start) < 120 { Thread.sleep(forTimeInterval: 0.2) }
        #expect(logText().contains("previewing the course at http://127.0.0.1:\(port)/"), "\(logText())")

        let home = http(port, "GET", "/")
        #expect(home.hasPrefix("HTTP/1.1 200"), "\(home.prefix(300))")
        #expect(home.contains("<h1 class=\"title\">Course</h1>") && home.contains("/__lectern/changes?page="))
        #expect(http(port, "GET", "/zh/00-a.html").contains("第一句。"))
        #expect(http(port, "GET", "/search.js").contains("Content-Type: text/javascript"))
        #expect(http(port, "HEAD", "/00-a.html").hasPrefix("HTTP/1.1 200"))
        #expect(http(port, "GET", "/../lectern.yml").hasPrefix("HTTP/1.1 404"))
        #expect(http(port, "GET", "/", host: "evil.example:\(port)").hasPrefix("HTTP/1.1 403"), "DNS rebinding")
        let post = http(port, "POST", "/")
        #expect(post.hasPrefix("HTTP/1.1 405") && post.contains("Allow: GET, HEAD"), "\(post.prefix(200))")

        // Fifty idle connections do not hold up a request.
        let idle = (0..<50).map { _ in connectTo(port) }
        defer { idle.forEach { if $0 >= 0 { close($0) } } }
        let asked = Date()
        #expect(http(port, "GET", "/01-b.html").contains("Second."))
        #expect(Date().timeIntervalSince(asked) < 3, "answered in \(Date().timeIntervalSince(asked)) s beside 50 idle connections")

        // An edit of the prose: the page's wait answers "changed" and the page holds the new words;
        // the other chapter's page does not change.
        let otherVersion = http(port, "GET", "/01-b.html")
        // The version each served page waits to pass, as its script asks.
        func since(_ page: String) -> String {
            String(http(port, "GET", "/" + page).firstMatch(of: /&since=(\d+)/)?.1 ?? "?")
        }
        let (sinceA, sinceB) = (since("00-a.html"), since("01-b.html"))
        try text("---\ntitle: Sums\n---\n\n```swift\nlet total = 3\nprint(\"total:\", total)\n```\n\nNew words about a [[sum]].\n")
            .write(to: dir.appendingPathComponent("notebooks/00-a.md"))
        let waited = http(port, "GET", "/__lectern/changes?page=00-a.html&since=\(sinceA)", timeout: 30)
        #expect(waited.hasPrefix("HTTP/1.1 200"), "\(waited.prefix(200))\n\(logText())")
        #expect(http(port, "GET", "/00-a.html").contains("New words about a"))
        #expect(http(port, "GET", "/__lectern/changes?page=01-b.html&since=\(sinceB)", timeout: 30).hasPrefix("HTTP/1.1 204"))
        #expect(http(port, "GET", "/01-b.html") == otherVersion)

        // The course file changes: every page shows the new title, and the pages open reload.
        let (sinceA2, sinceB2) = (since("00-a.html"), since("01-b.html"))
        try text("title: {en: Course two, zh: 课程二}\nlanguages: [en, zh]\nchapters: [notebooks/00-a.md, notebooks/01-b.md]\nglossary: glossary.yml\n")
            .write(to: dir.appendingPathComponent("lectern.yml"))
        #expect(http(port, "GET", "/__lectern/changes?page=01-b.html&since=\(sinceB2)", timeout: 30).hasPrefix("HTTP/1.1 200"), "\(logText())")
        #expect(http(port, "GET", "/__lectern/changes?page=00-a.html&since=\(sinceA2)", timeout: 30).hasPrefix("HTTP/1.1 200"))
        #expect(http(port, "GET", "/01-b.html").contains("Course two"))
        #expect(http(port, "GET", "/zh/01-b.html").contains("课程二"))

        // The glossary changes: the page that marks the term reloads with the new definition; the
        // page that does not mark it keeps its version.
        let (sinceA3, sinceB3) = (since("00-a.html"), since("01-b.html"))
        try text("- {en: sum, zh: 和, definition: What adding numbers gives., chapter: 0}\n").write(to: dir.appendingPathComponent("glossary.yml"))
        #expect(http(port, "GET", "/__lectern/changes?page=00-a.html&since=\(sinceA3)", timeout: 30).hasPrefix("HTTP/1.1 200"), "\(logText())")
        #expect(http(port, "GET", "/00-a.html").contains("What adding numbers gives."))
        #expect(http(port, "GET", "/glossary.html").contains("What adding numbers gives."))
        #expect(http(port, "GET", "/__lectern/changes?page=01-b.html&since=\(sinceB3)", timeout: 30).hasPrefix("HTTP/1.1 204"))

        // Ctrl-C stops it at once, even in the middle of a cell that would run for a minute.
        try text("---\ntitle: Sums\n---\n\n```swift\n//| timeout: 60\nvar n = 0\nwhile true { n += 1 }\n```\n")
            .write(to: dir.appendingPathComponent("notebooks/00-a.md"))
        Thread.sleep(forTimeInterval: 3)
        #expect(process.isRunning)
        // Meanwhile the server answers: the render runs off the serving threads, so the page being
        // re-rendered (its last version) and the others come back at once.
        let duringCell = Date()
        #expect(http(port, "GET", "/01-b.html").contains("Second."))
        #expect(http(port, "GET", "/00-a.html").contains("New words about a"), "the last good page is served while its notebook runs")
        #expect(Date().timeIntervalSince(duringCell) < 2, "answered in \(Date().timeIntervalSince(duringCell)) s while a cell runs")
        kill(process.processIdentifier, SIGINT)
        let stopping = Date()
        while process.isRunning, Date().timeIntervalSince(stopping) < 10 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!process.isRunning)
        #expect(Date().timeIntervalSince(stopping) < 2, "stopped after \(Date().timeIntervalSince(stopping)) s")
    }
}
