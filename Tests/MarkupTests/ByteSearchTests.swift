import Markup
import Testing

/// Literal search and replace over UTF-8 bytes: the same answers as the string methods on
/// text that is all scalars, including multi-byte ones.
struct ByteSearchTests {
    @Test(arguments: [
        ("a</text>b</text>", "</text>", [1, 9]),
        ("aaaa", "aa", [0, 2]),          // non-overlapping, left to right
        ("图 1 图 2", "图", [0, 6]),        // 图 is three bytes
        ("abc", "", []),
        ("ab", "abc", []),
        ("", "a", []),
    ] as [(String, String, [Int])])
    func offsetsAreNonOverlappingByteOffsets(text: String, needle: String, offsets: [Int]) {
        #expect(ByteSearch.offsets(of: needle, in: text) == offsets)
    }

    @Test(arguments: [
        ("<text>a</text> <text>a</text>", ">a</text>", ">图</text>", "<text>图</text> <text>图</text>", 2),
        ("no match", "x", "y", "no match", 0),
        ("“π” and “π”", "“π”", "“pi”", "“pi” and “pi”", 2),
        ("aaa", "a", "", "", 3),
    ] as [(String, String, String, String, Int)])
    func replacingReplacesEveryOccurrence(text: String, old: String, new: String, expected: String, count: Int) {
        let (result, n) = ByteSearch.replacing(old, with: new, in: text)
        #expect(result == expected)
        #expect(n == count)
    }

    @Test func findStartsWhereAskedAndFindLastEndsWhereAsked() throws {
        let text = "<h2>一</h2><h2>二</h2>"
        let first = try #require(ByteSearch.find("<h2>", in: text))
        let second = try #require(ByteSearch.find("<h2>", in: text, from: first.upperBound))
        #expect(text[second.upperBound...].hasPrefix("二"))
        #expect(ByteSearch.find("<h3>", in: text) == nil)
        let last = try #require(ByteSearch.findLast("<h2>", in: text, before: text.endIndex))
        #expect(last == second)
        #expect(ByteSearch.findLast("<h2>", in: text, before: second.lowerBound) == first)
        #expect(ByteSearch.findLast("<h2>", in: text, before: text.index(first.lowerBound, offsetBy: 3)) == nil)
    }
}
