import Testing

@testable import ScopeLint

private let fileName = "in.json5"

private func parseText(_ text: String) throws -> JSONNode {
    try JSONReader.parse(Array(text.utf8), file: fileName)
}

/// The first member with `key`, depth first in document order.
private func firstMember(_ key: String, in node: JSONNode) -> JSONMember? {
    switch node.value {
    case .object(let members):
        for member in members {
            if member.key == key { return member }
            if let found = firstMember(key, in: member.value) { return found }
        }
    case .array(let elements):
        for element in elements {
            if let found = firstMember(key, in: element) { return found }
        }
    default: break
    }
    return nil
}

/// A compact rendering of a parsed value: `{"k":v}`, `[a,b]`, strings in double quotes
/// (unescaped), numbers as written, `true`, `false`, `null`.
private func render(_ node: JSONNode) -> String {
    switch node.value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let text): text
    case .string(let text): "\"\(text)\""
    case .array(let elements): "[" + elements.map(render).joined(separator: ",") + "]"
    case .object(let members): "{" + members.map { "\"\($0.key)\":" + render($0.value) }.joined(separator: ",") + "}"
    }
}

struct PositionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var key: String
    var keyAt: (Int, Int)
    var valueAt: (Int, Int)
    var testDescription: String { name }
}

struct ParsedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: String
    var testDescription: String { name }
}

@Suite("JSON reader: values and errors")
struct JSONReaderTests {
    // MARK: Positions

    static let positionCases: [PositionCase] = [
        PositionCase(name: "first key on line 1", text: #"{"a": 1}"#, key: "a", keyAt: (1, 2), valueAt: (1, 7)),
        PositionCase(
            name: "nested key on a later, indented line", text: "{\n  \"a\": {\n    \"b\": true\n  }\n}", key: "b",
            keyAt: (3, 5), valueAt: (3, 10)),
        PositionCase(
            name: "CRLF line endings", text: "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}", key: "b", keyAt: (3, 3),
            valueAt: (3, 8)),
        PositionCase(
            name: "BOM is skipped, not counted", text: "\u{FEFF}{\"a\": 1}", key: "a", keyAt: (1, 2), valueAt: (1, 7)),
        PositionCase(
            name: "BOM then a second line", text: "\u{FEFF}{\n\"a\": 1}", key: "a", keyAt: (2, 1), valueAt: (2, 6)),
        PositionCase(
            name: "precomposed é is one column", text: "{\"\u{E9}\": 1, \"b\": 2}", key: "b", keyAt: (1, 10),
            valueAt: (1, 15)),
        PositionCase(
            name: "decomposed é is two scalars, two columns", text: "{\"e\u{301}\": 1, \"b\": 2}", key: "b",
            keyAt: (1, 11), valueAt: (1, 16)),
        PositionCase(
            name: "value after an emoji (4 UTF-8 bytes, one scalar)", text: "{\"a\": \"🙂\", \"b\": 1}", key: "b",
            keyAt: (1, 12), valueAt: (1, 17)),
        PositionCase(
            name: "a flag is two scalars", text: "{\"🇫🇷\": 1, \"b\": 2}", key: "b", keyAt: (1, 11), valueAt: (1, 16)),
        PositionCase(
            name: "an emoji on an earlier line does not shift the next", text: "{\"🙂\": 1,\n \"b\": 2}", key: "b",
            keyAt: (2, 2), valueAt: (2, 7)),
        PositionCase(name: "a tab is one column", text: "{\t\"a\":\t1}", key: "a", keyAt: (1, 3), valueAt: (1, 8)),
        PositionCase(
            name: "after line and block comments", text: "// c\n/* x\n y */ {\"a\": 1}", key: "a", keyAt: (3, 8),
            valueAt: (3, 13)),
        PositionCase(
            name: "after a string continued on the next line", text: "{\"a\": \"x\\\ny\", \"b\": 1}", key: "b",
            keyAt: (2, 5), valueAt: (2, 10)),
        PositionCase(name: "unquoted key", text: "{ abc: 1 }", key: "abc", keyAt: (1, 3), valueAt: (1, 8)),
        PositionCase(name: "single-quoted key", text: "{ 'a': 'x' }", key: "a", keyAt: (1, 3), valueAt: (1, 8)),
        PositionCase(
            name: "inside arrays of objects", text: "[\n  {\"a\": [\n    {\"b\": null}\n  ]}\n]", key: "b",
            keyAt: (3, 6), valueAt: (3, 11)),
        PositionCase(
            name: "a no-break space is whitespace and one column", text: "{\u{A0}\"a\": 1}", key: "a", keyAt: (1, 3),
            valueAt: (1, 8)),
        PositionCase(
            name: "after an escaped string on the same line", text: #"{"a": "\u00e9\n", "b": 1}"#, key: "b",
            keyAt: (1, 19), valueAt: (1, 24)),
    ]

    @Test("keys and values are located at 1-based line and column", arguments: positionCases)
    func positions(_ c: PositionCase) throws {
        let root = try parseText(c.text)
        let member = try #require(firstMember(c.key, in: root))
        #expect(member.keyPosition == TextPosition(line: c.keyAt.0, column: c.keyAt.1))
        #expect(member.value.position == TextPosition(line: c.valueAt.0, column: c.valueAt.1))
    }

    @Test("the root and array elements are located; positions survive many lines")
    func rootAndElements() throws {
        let root = try parseText("\n\n   [1,\n\t\"two\" ,\n  [ null ]]")
        #expect(root.position == TextPosition(line: 3, column: 4))
        let elements = try #require(root.elements)
        #expect(
            elements.map(\.position) == [
                TextPosition(line: 3, column: 5), TextPosition(line: 4, column: 2), TextPosition(line: 5, column: 3),
            ])
        #expect(elements[2].elements?.first?.position == TextPosition(line: 5, column: 5))
    }

    @Test("positions stay exact on a long line and after many lines")
    func longInput() throws {
        let padding = String(repeating: " ", count: 10_000)
        let lines = String(repeating: "\n", count: 5_000)
        let root = try parseText("{" + padding + "\"a\": 1," + lines + "   \"b\": 2}")
        let members = try #require(root.members)
        #expect(members[0].keyPosition == TextPosition(line: 1, column: 10_002))
        #expect(members[1].keyPosition == TextPosition(line: 5_001, column: 4))
        #expect(members[1].value.position == TextPosition(line: 5_001, column: 9))
    }

    // MARK: JSON5

    static let json5Cases: [ParsedCase] = [
        ParsedCase(name: "line comments before and after", text: "// lead\n{\"a\": 1} // trail", expected: #"{"a":1}"#),
        ParsedCase(name: "line comment at the end without a newline", text: "[1] // end", expected: "[1]"),
        ParsedCase(
            name: "line comment inside an object", text: "{\n\"a\": 1, // why\n\"b\": 2\n}", expected: #"{"a":1,"b":2}"#
        ),
        ParsedCase(
            name: "block comments between every token", text: "{/* a */\"a\"/* b */:/* c */1/* d */}",
            expected: #"{"a":1}"#),
        ParsedCase(name: "block comment across lines", text: "/*\n * x\n */[true]", expected: "[true]"),
        ParsedCase(name: "block comment holding stars and slashes", text: "[/* ** / * // */ 1]", expected: "[1]"),
        ParsedCase(name: "empty block comment", text: "[/**/1]", expected: "[1]"),
        ParsedCase(name: "trailing comma in an object", text: "{\"a\": 1,}", expected: #"{"a":1}"#),
        ParsedCase(name: "trailing comma in an array", text: "[1, 2,]", expected: "[1,2]"),
        ParsedCase(
            name: "trailing commas nested, with comments", text: "{\"a\": [1, /* c */], // c\n}",
            expected: #"{"a":[1]}"#),
        ParsedCase(
            name: "unquoted keys", text: "{abc: 1, _x$: 2, a1: 3, Δ: 4}", expected: #"{"abc":1,"_x$":2,"a1":3,"Δ":4}"#),
        ParsedCase(
            name: "single-quoted strings", text: #"['it\'s', 'say "hi"', "it's"]"#,
            expected: #"["it's","say "hi"","it's"]"#),
        ParsedCase(name: "single-quoted key", text: "{'a b': 'c'}", expected: #"{"a b":"c"}"#),
        ParsedCase(
            name: "hexadecimal numbers, kept as written", text: "[0x1F, 0XaB, -0x10, +0xff]",
            expected: "[0x1F,0XaB,-0x10,+0xff]"),
        ParsedCase(name: "a leading plus sign", text: "[+1, +1.5, +.5]", expected: "[+1,+1.5,+.5]"),
        ParsedCase(name: "a leading decimal point", text: "[.5, -.5]", expected: "[.5,-.5]"),
        ParsedCase(name: "a trailing decimal point", text: "[5., -5., 5.e2]", expected: "[5.,-5.,5.e2]"),
        ParsedCase(
            name: "Infinity and NaN, signed or not", text: "[Infinity, -Infinity, +Infinity, NaN, -NaN]",
            expected: "[Infinity,-Infinity,+Infinity,NaN,-NaN]"),
        ParsedCase(
            name: "plain JSON numbers and exponents", text: "[0, -1, 1.25, 1e3, 1E-3, -2.5e+2]",
            expected: "[0,-1,1.25,1e3,1E-3,-2.5e+2]"),
        ParsedCase(name: "literals", text: "[true, false, null]", expected: "[true,false,null]"),
        ParsedCase(name: "a top-level string", text: "  \"x\"  ", expected: #""x""#),
        ParsedCase(name: "a top-level number", text: "42", expected: "42"),
        ParsedCase(name: "empty containers", text: "{\"a\": {}, \"b\": []}", expected: #"{"a":{},"b":[]}"#),
        ParsedCase(name: "every whitespace JSON5 allows", text: "\u{B}\u{C}\u{A0}\t\r\n[1]", expected: "[1]"),
    ]

    @Test("JSON5 additions are read", arguments: json5Cases)
    func json5(_ c: ParsedCase) throws {
        #expect(render(try parseText(c.text)) == c.expected)
    }

    static let stringCases: [(String, String, String)] = [
        ("line continuation with LF", "\"a\\\nb\"", "ab"),
        ("line continuation with CRLF", "\"a\\\r\nb\"", "ab"),
        ("line continuation in a single-quoted string", "'a\\\nb'", "ab"),
        ("\\x escapes", #""\x41\x7a\xE9""#, "Az\u{E9}"),
        ("surrogate pair", #""\uD83D\uDE42""#, "🙂"),
        ("surrogate pair in lower case", #""\ud83d\ude42""#, "🙂"),
        ("surrogate pair between text", #""a\uD834\uDD1Eb""#, "a\u{1D11E}b"),
        ("standard JSON escapes", #""\" \\ \/ \b \f \n \r \t \u00e9""#, "\" \\ / \u{8} \u{C} \n \r \t \u{E9}"),
        ("JSON5 escapes \\v \\0 \\'", #""\v\0\'""#, "\u{B}\u{0}'"),
        ("an escaped double quote in a single-quoted string", #"'\"'"#, "\""),
        ("multi-byte text without escapes", "\"é🙂日本\"", "é🙂日本"),
        ("multi-byte text with escapes", "\"🙂\\u00e9\\n日\"", "🙂\u{E9}\n日"),
        ("an empty string", "\"\"", ""),
    ]

    @Test("strings decode", arguments: stringCases)
    func strings(_ name: String, _ text: String, _ expected: String) throws {
        #expect(try parseText(text).stringValue == expected, "\(name)")
    }

    @Test("duplicate keys are all kept, in source order, each with its own position")
    func duplicateKeys() throws {
        let root = try parseText("{\"a\": 1, \"b\": 2,\n \"a\": 3, a: {\"a\": 4}}")
        let members = try #require(root.members)
        #expect(members.map(\.key) == ["a", "b", "a", "a"])
        #expect(members.map { render($0.value) } == ["1", "2", "3", #"{"a":4}"#])
        #expect(
            members.map(\.keyPosition) == [
                TextPosition(line: 1, column: 2), TextPosition(line: 1, column: 10),
                TextPosition(line: 2, column: 2), TextPosition(line: 2, column: 10),
            ])
    }

    @Test("nesting up to the limit parses, and depth is not cumulative across siblings")
    func depthWithinLimit() throws {
        let depth = JSONReader.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try parseText(deepest)
        var levels = 1
        while let inner = node.elements?.first {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
        let objects = String(repeating: "{\"a\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        #expect(firstMember("a", in: try parseText(objects)) != nil)
        let nearlyDeep = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        let siblings = "[" + Array(repeating: nearlyDeep, count: 20).joined(separator: ",") + "]"
        #expect(try parseText(siblings).elements?.count == 20)
    }

    // MARK: Malformed input

    static let depth = JSONReader.maximumDepth
    static let malformedCases: [LocatedErrorCase] = [
        LocatedErrorCase("empty document", "", 1, 1, "expected a JSON value, found an empty document"),
        LocatedErrorCase("only whitespace", "  \n\t ", 2, 3, "expected a JSON value, found an empty document"),
        LocatedErrorCase("only a comment", "// nothing\n", 2, 1, "expected a JSON value, found an empty document"),
        LocatedErrorCase(
            "unterminated string at the end of the file", "{\"a\": \"abc", 1, 11,
            "expected the closing quote of a string, found the end of the file"),
        LocatedErrorCase(
            "unterminated string after an escape", "{\"a\": \"a\\n", 1, 11,
            "expected the closing quote of a string, found the end of the file"),
        LocatedErrorCase(
            "string broken by a line break", "{\"a\": \"ab\n\"}", 1, 10,
            "expected the closing quote before the end of the line"),
        LocatedErrorCase(
            "unterminated object", "{\"a\": 1", 1, 8, "expected ',' or '}' after the value, found the end of the file"),
        LocatedErrorCase(
            "unterminated empty object", "{", 1, 2,
            "expected a key or '}' to close the object, found the end of the file"),
        LocatedErrorCase(
            "object unterminated after a comma", "{\"a\": 1,\n", 2, 1,
            "expected a key or '}' to close the object, found the end of the file"),
        LocatedErrorCase(
            "object unterminated after a key", "{\"a\"", 1, 5, "expected ':' after the key, found the end of the file"),
        LocatedErrorCase(
            "object unterminated after a colon", "{\"a\":", 1, 6, "expected a value, found the end of the file"),
        LocatedErrorCase(
            "unterminated array", "[1, 2", 1, 6, "expected ',' or ']' after the value, found the end of the file"),
        LocatedErrorCase(
            "unterminated empty array", "[", 1, 2,
            "expected a value or ']' to close the array, found the end of the file"),
        LocatedErrorCase(
            "unterminated nested array", "{\"a\": [1, {\"b\": 2}", 1, 19,
            "expected ',' or ']' after the value, found the end of the file"),
        LocatedErrorCase("missing colon", "{\"a\" 1}", 1, 6, "expected ':' after the key, found a number"),
        LocatedErrorCase(
            "missing colon after an unquoted key", "{a 1}", 1, 4, "expected ':' after the key, found a number"),
        LocatedErrorCase(
            "missing comma in an object", "{\"a\": 1 \"b\": 2}", 1, 9,
            "expected ',' or '}' after the value, found a string"),
        LocatedErrorCase(
            "missing comma in an array", "[1 2]", 1, 4, "expected ',' or ']' after the value, found a number"),
        LocatedErrorCase(
            "missing comma across lines", "{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3,
            "expected ',' or '}' after the value, found a string"),
        LocatedErrorCase(
            "missing value", "{\"a\": }", 1, 7,
            "expected a value (object, array, string, number, true, false or null), found '}'"),
        LocatedErrorCase(
            "misspelt literal", "[tru]", 1, 2,
            "expected a value (object, array, string, number, true, false or null), found an unquoted word"),
        LocatedErrorCase(
            "a key that is an array", "{[1]: 2}", 1, 2, "expected a key in quotes or '}' to close the object, found '['"
        ),
        LocatedErrorCase(
            "trailing garbage after the value", "{} x", 1, 4,
            "expected the end of the document after the top-level value, found an unquoted word"),
        LocatedErrorCase(
            "a second top-level value", "[1]\n[2]", 2, 1,
            "expected the end of the document after the top-level value, found '['"),
        LocatedErrorCase(
            "a closing brace too many", "{}}", 1, 3,
            "expected the end of the document after the top-level value, found '}'"),
        LocatedErrorCase(
            "unterminated block comment", "{\"a\": 1 /* note", 1, 9,
            "expected '*/' to close this comment before the end of the file"),
        LocatedErrorCase(
            "unterminated block comment on a later line", "[1,\n  /* x\n y", 2, 3,
            "expected '*/' to close this comment before the end of the file"),
        LocatedErrorCase(
            "block comment opener at the very end", "[1]/*", 1, 4,
            "expected '*/' to close this comment before the end of the file"),
        LocatedErrorCase("a lone slash", "[1] /", 1, 5, "expected a comment after '/'"),
        LocatedErrorCase("a slash that starts no comment", "{/ }", 1, 2, "expected a comment after '/'"),
        LocatedErrorCase("number without digits", "[-]", 1, 3, "expected digits in a number"),
        LocatedErrorCase("a bare decimal point", "[.]", 1, 3, "expected digits in a number"),
        LocatedErrorCase("hex prefix without digits", "[0x]", 1, 4, "expected digits in a number"),
        LocatedErrorCase("exponent without digits", "[1e]", 1, 4, "expected digits in the number's exponent"),
        LocatedErrorCase(
            "letters after a number", "[12ab]", 1, 4, "expected a separator after the number, found an unquoted word"),
        LocatedErrorCase("bad escape", "{\"a\": \"\\q\"}", 1, 9, "expected a valid escape sequence after a backslash"),
        LocatedErrorCase(
            "bad escape after valid ones", "\"\\n\\t\\k\"", 1, 7, "expected a valid escape sequence after a backslash"),
        LocatedErrorCase(
            "\\x escape with one digit", "\"\\x4\"", 1, 5, "expected 2 hexadecimal digits in the escape sequence"),
        LocatedErrorCase(
            "\\u escape with a non-hex digit", "\"\\u12G4\"", 1, 6,
            "expected 4 hexadecimal digits in the escape sequence"),
        LocatedErrorCase(
            "lone low surrogate escape", "{\"a\": \"\\uDC00\"}", 1, 8,
            "expected a high surrogate before this low surrogate escape"),
        LocatedErrorCase(
            "high surrogate at the end of a string", "{\"a\": \"\\uD83D\"}", 1, 14,
            "expected a \\u escape for the low surrogate after a high surrogate"),
        LocatedErrorCase(
            "high surrogate followed by a letter", "\"\\uD83Dx\"", 1, 8,
            "expected a \\u escape for the low surrogate after a high surrogate"),
        LocatedErrorCase(
            "high surrogate followed by a non-surrogate escape", "\"\\uD83D\\u0041\"", 1, 8,
            "expected a low surrogate (\\uDC00 to \\uDFFF) after a high surrogate"),
        LocatedErrorCase(
            "high surrogate followed by a high surrogate", "\"\\uD83D\\uD83D\"", 1, 8,
            "expected a low surrogate (\\uDC00 to \\uDFFF) after a high surrogate"),
        LocatedErrorCase(
            "invalid UTF-8 in a string", bytes: Array("{\"a\": \"x".utf8) + [0xFF] + Array("y\"}".utf8), 1, 9,
            "expected UTF-8 text"),
        LocatedErrorCase(
            "invalid UTF-8 in a string with an escape", bytes: Array("\"\\n".utf8) + [0xC3] + Array("\"".utf8), 1, 4,
            "expected UTF-8 text"),
        LocatedErrorCase(
            "raw control character in a string", "\"a\u{1}b\"", 1, 3,
            "expected an escape sequence instead of a raw control character in a string"),
        LocatedErrorCase(
            "raw tab in a string", "\"a\tb\"", 1, 3,
            "expected an escape sequence instead of a raw control character in a string"),
        LocatedErrorCase(
            "raw control character after an escape", "\"\\n\u{1F}\"", 1, 4,
            "expected an escape sequence instead of a raw control character in a string"),
        LocatedErrorCase(
            "NUL byte as the document", bytes: [0], 1, 1,
            "expected a value (object, array, string, number, true, false or null), found a NUL byte"),
        LocatedErrorCase(
            "NUL byte after the value", bytes: Array("{}".utf8) + [0], 1, 3,
            "expected the end of the document after the top-level value, found a NUL byte"),
        LocatedErrorCase(
            "NUL byte in a string", bytes: Array("\"a".utf8) + [0] + Array("\"".utf8), 1, 3,
            "expected an escape sequence instead of a raw control character in a string"),
        LocatedErrorCase(
            "NUL byte in place of a key", bytes: Array("{".utf8) + [0] + Array(": 1}".utf8), 1, 2,
            "expected a key in quotes or '}' to close the object, found a NUL byte"),
        LocatedErrorCase(
            "error on line 3 of a CRLF file", "{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}", 3, 7,
            "expected ':' after the key, found a number"),
        LocatedErrorCase("error after a BOM", "\u{FEFF}{\"a\" 1}", 1, 6, "expected ':' after the key, found a number"),
        LocatedErrorCase(
            "error after an emoji", "{\"🙂\": 1 x}", 1, 9, "expected ',' or '}' after the value, found an unquoted word"),
        LocatedErrorCase(
            "arrays nested one deeper than the limit",
            String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1), 1, depth + 1,
            "\(depth) levels"),
        LocatedErrorCase(
            "objects nested one deeper than the limit",
            String(repeating: "{\"a\":", count: depth + 1) + "1" + String(repeating: "}", count: depth + 1), 1,
            5 * depth + 1, "\(depth) levels"),
        LocatedErrorCase(
            "100,000 unclosed brackets", String(repeating: "[", count: 100_000), 1, depth + 1, "\(depth) levels"),
        LocatedErrorCase(
            "deep nesting on a later line", "{\"a\":\n" + String(repeating: "[", count: depth), 2, depth,
            "\(depth) levels"),
    ]

    @Test(
        "malformed input is an invalid error at its line and column saying what was expected", arguments: malformedCases
    )
    func malformed(_ c: LocatedErrorCase) throws {
        let failure = try #require(captureInvalid { try JSONReader.parse(c.bytes, file: fileName) })
        #expect(failure.file == fileName)
        #expect(failure.position == c.position)
        #expect(failure.message.hasPrefix("expected"), "the message should say what was expected: \(failure.message)")
        #expect(failure.message.contains(c.phrase), "\(failure.message)")
        #expect(failure.printed.hasPrefix("\(fileName):\(c.line):\(c.column): error: "))
    }

    @Test(
        "error messages never quote the input",
        arguments: [
            "{\"access_token\": \"t0k3nt0k3nt0k3nt0k3nt0k3n\" x}",
            "{\"a\": \"t0k3nt0k3nt0k3nt0k3nt0k3n\\q\"}",
            "{\"a\": \"t0k3nt0k3nt0k3nt0k3nt0k3n",
            "{\"a\": t0k3nt0k3nt0k3nt0k3nt0k3n}",
            "{t0k3nt0k3nt0k3nt0k3nt0k3n 1}",
        ])
    func errorsDoNotQuote(_ text: String) throws {
        let failure = try #require(captureInvalid { try parseText(text) })
        #expect(!failure.printed.contains("t0k3n"))
    }
}
