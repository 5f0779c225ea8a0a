import Foundation

/// The text of a notebook file, read and validated once.
public struct SourceFile: Sendable {
    /// The path as given by the user, used in every diagnostic.
    public var path: String
    /// The file's text.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a notebook, rejecting what cannot be a notebook: a missing file, a directory,
    /// an empty file, bytes that are not UTF-8 (with the line and column of the first bad byte).
    public static func read(path: String) throws(Diagnostic) -> SourceFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic.error("\(path): no such file or directory", at: nil)
        }
        if isDirectory.boolValue {
            throw Diagnostic.error("\(path): is a directory, expected a Markdown notebook", at: nil)
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            // A FIFO or a device would block the read, or never end it.
            throw Diagnostic.error("\(path): is not a regular file, expected a Markdown notebook", at: nil)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // The system's own reason (permission denied, too many open files …), not a guess.
            let code = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code } ?? Int(EIO)
            throw Diagnostic.error("\(path): cannot be read: \(String(cString: strerror(Int32(code))).lowercased())", at: nil)
        }
        return try decode(data, path: path)
    }

    /// Decodes bytes as a notebook's text; see `read(path:)` for what is rejected.
    public static func decode(_ data: Data, path: String) throws(Diagnostic) -> SourceFile {
        let bytes = [UInt8](data)
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = lineAndColumn(of: bad, in: bytes)
            throw .error(
                "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save it as UTF-8",
                at: SourceLocation(file: path, line: line, column: column))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw .error("the notebook is empty", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return SourceFile(path: path, text: text)
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            if i + length > n { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
