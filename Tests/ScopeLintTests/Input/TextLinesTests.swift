import Testing

@testable import ScopeLint

@Suite("Lines: CR LF, LF and a lone CR each end one line, and lines are numbered from 1")
struct TextLinesTests {
    @Test(
        "the lines of a text, found as they are read",
        arguments: [
            ("", [""]),
            ("a", ["a"]),
            ("a\n", ["a", ""]),
            ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
            ("\r\n\r\n", ["", "", ""]),
            ("\u{FEFF}x", ["x"]),
            ("é\r\nü", ["é", "ü"]),
        ])
    func lines(_ text: String, _ expected: [String]) throws {
        let lines = Array(try TextLines(Array(text.utf8), file: "f").lines)
        #expect(lines.map { String($0.text) } == expected)
        #expect(lines.map(\.number) == Array(1...expected.count))
    }

    @Test("line feeds for the sniffers, and the first line with text")
    func helpers() {
        #expect(TextLines.withLineFeeds("a\r\nb\rc\n\r") == "a\nb\nc\n\n")
        #expect(TextLines.firstLineWithText(" \r\n\t\n  x y \nz").map(String.init) == "  x y ")
        #expect(TextLines.firstLineWithText(" \r\n ") == nil)
    }
}
