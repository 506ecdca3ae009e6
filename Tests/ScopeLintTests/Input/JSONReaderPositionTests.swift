import Testing

@testable import ScopeLint

func parse(_ text: String) throws -> JSONNode { try JSONReader.parse(Array(text.utf8), file: "t") }

@Suite("JSON reader: positions")
struct JSONReaderPositionTests {
    @Test("positions are 1-based; columns count Unicode scalars; CRLF and BOM are handled")
    func positions() throws {
        let root = try parse("\u{FEFF}{\r\n  \"é🙂\": 1,\n\t\"b\": [true, \"x\"]\n}")
        let members = try #require(root.members)
        #expect(root.position == TextPosition(line: 1, column: 1))
        #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
        #expect(members[0].value.position == TextPosition(line: 2, column: 9))
        #expect(members[1].keyPosition == TextPosition(line: 3, column: 2))
        #expect(members[1].value.elements?[1].position == TextPosition(line: 3, column: 14))
    }

    @Test("JSON5: comments, trailing commas, unquoted keys, single quotes, hex, signs, Infinity, continuations")
    func json5() throws {
        let root = try parse(
            "// c\n{ a: 'x\\'y', /* c */ b: [0x1F, +1, .5, 5., -Infinity, NaN,], 'c': \"line\\\ncontinued\", }")
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members[0].value.stringValue == "x'y")
        #expect(members[1].value.elements?.count == 6)
        #expect(members[2].value.stringValue == "linecontinued")
    }

    @Test("escapes decode, surrogate pairs included; duplicate keys are kept in order")
    func escapes() throws {
        let root = try parse(#"{"k": "\u00e9\uD83D\uDE42\n\t\x41", "k": 2}"#)
        #expect(root.members?.map(\.key) == ["k", "k"])
        #expect(root.members?[0].value.stringValue == "é🙂\n\tA")
    }

    @Test(
        "malformed JSON is a located error saying what was expected",
        arguments: [
            ("", "1:1", "expected a JSON value, found an empty document"),
            ("{\"a\": }", "1:7", "expected a value"),
            ("{\"a\" 1}", "1:6", "expected ':' after the key"),
            ("{\"a\": 1 \"b\": 2}", "1:9", "expected ',' or '}' after the value"),
            ("[1, 2", "1:6", "expected ',' or ']' after the value, found the end of the file"),
            ("{\"a\": \"x", "1:9", "expected the closing quote"),
            ("{} []", "1:4", "expected the end of the document"),
            ("{\"a\": \"\\q\"}", "1:9", "expected a valid escape sequence"),
            ("{\"a\": 01x}", "1:9", "expected a separator after the number"),
            ("{\"a\": -}", "1:8", "expected digits in a number"),
            ("{\"a\": 1e}", "1:9", "expected digits in the number's exponent"),
            ("{\"a\": tru}", "1:7", "expected a value"),
            ("{\"a\":\n\"x\ny\"}", "2:3", "expected the closing quote before the end of the line"),
        ])
    func malformed(_ text: String, _ at: String, _ phrase: String) {
        #expect {
            try parse(text)
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("t:\(at): error: ") && description.contains(phrase)
        }
    }

    @Test("invalid UTF-8 in an unquoted key is an error at the bad byte, not a replacement character")
    func unquotedKeyUTF8() {
        #expect(
            throws: ScopeLintError.invalid(
                file: "t", position: TextPosition(line: 1, column: 4),
                message: "expected UTF-8 text; this byte is not UTF-8")
        ) {
            try JSONReader.parse([0x7B, 0x20, 0x61, 0xFF, 0x3A, 0x31, 0x7D], file: "t")
        }
    }

    @Test("errors never quote the input")
    func noQuoting() {
        #expect {
            try parse(#"{"access_token": "s3cr3tt0k3nabcdefghijklmnop" oops}"#)
        } throws: { error in
            !String(describing: error).contains("s3cr3t") && !String(describing: error).contains("oops")
        }
    }
}
