import Foundation
import Testing

@testable import ScopeLint

/// The stream's escaping modes, one output format each.
@Suite("Escaping for each format")
struct EscapingTests {
    static func escaped(_ text: String, _ mode: ByteStream.Escape) -> String { ByteStream.escaped(text, mode) }

    @Test("workflow command messages escape %, CR and LF")
    func workflowMessage() {
        #expect(Self.escaped("100% done\r\nnext: a,b", .workflowMessage) == "100%25 done%0D%0Anext: a,b")
        #expect(Self.escaped("", .workflowMessage) == "")
    }

    @Test("workflow command properties also escape : and ,")
    func workflowProperty() {
        #expect(Self.escaped("C:\\exports\\a,b.json", .workflowProperty) == "C%3A\\exports\\a%2Cb.json")
        #expect(Self.escaped("50%: x\n", .workflowProperty) == "50%25%3A x%0A")
    }

    @Test("XML escapes markup and replaces characters XML cannot hold")
    func xml() {
        #expect(Self.escaped("a<b>&\"c\" 'd'", .xml) == "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;")
        #expect(Self.escaped("nul\u{0}bell\u{7}", .xml) == "nul\u{FFFD}bell\u{FFFD}")
        #expect(Self.escaped("\u{FFFE}x\u{FFFF}\u{FFFD}\u{7F}é", .xml) == "\u{FFFD}x\u{FFFD}\u{FFFD}\\u{7F}é")
        #expect(Self.escaped("line\nbreak\r\ttab", .xml) == "line&#10;break&#13;&#9;tab")
        #expect(Self.escaped("a ##[error]b", .xml) == "a ##&#91;error]b")
    }

    @Test("HTML escapes markup and quotes, and shows controls and invisibles")
    func html() {
        #expect(
            Self.escaped("<script>alert(1)</script>", .html) == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Self.escaped("a&b \"c\" 'd'", .html) == "a&amp;b &quot;c&quot; &#39;d&#39;")
        #expect(
            Self.escaped("line\nbreak\u{1B}[31m\u{202E}x\u{200B}", .html)
                == "line\\u{A}break\\u{1B}[31m\\u{202E}x\\u{200B}")
        #expect(Self.escaped("a ##[error]b &amp;", .html) == "a ##&#91;error]b &amp;amp;")
        #expect(Self.escaped("é字😀", .html) == "é字😀")
    }

    @Test("Markdown: input is one inert code span: no link, mention, reference, markup or broken table")
    func markdown() {
        #expect(
            Self.escaped("[Re-authorize](https://evil.example) @octocat #12", .markdown)
                == "`[Re-authorize](https://evil.example) @octocat #12`")
        #expect(Self.escaped("a|b`c`\nd <img>", .markdown) == "``a\\|b`c` d <img>``")
        #expect(Self.escaped("`x`", .markdown) == "`` `x` ``")
        #expect(Self.escaped("a\r\nb\rc", .markdown) == "`a b c`")
        #expect(Self.escaped("bidi\u{202E}txt", .markdown) == "`bidi\\u{202E}txt`")
        #expect(Self.escaped("", .markdown) == "")
    }

    @Test("terminal text: controls and invisibles shown, no CI runner command can start a line")
    func terminal() {
        #expect(Self.escaped("a|b\"c\" <d> 100% x::y", .terminal) == "a|b\"c\" <d> 100% x::y")
        #expect(
            Self.escaped("x\n::add-mask::secret\n::error title=Fake::all good", .terminal)
                == "x\\u{A}::add-mask::secret\\u{A}::error title=Fake::all good")
        #expect(Self.escaped("\u{1B}]52;c;aGk=\u{7}\u{1B}[31m", .terminal) == "\\u{1B}]52;c;aGk=\\u{7}\\u{1B}[31m")
        #expect(Self.escaped("abc\u{202E}fdp.exe\u{200B}", .terminal) == "abc\\u{202E}fdp.exe\\u{200B}")
        #expect(Self.escaped(" \u{A0}::error::x", .terminal) == " \u{A0}\\u{3A}:error::x")
        #expect(Self.escaped("a ##[error]b", .terminal) == "a ##\\u{5B}error]b")
        // Only where a line starts: after text already on the line, `::` is harmless.
        let stream = ByteStream()
        stream.write("    " as StaticString)
        stream.write("::warning::x", .terminal)
        stream.write(" then " as StaticString)
        stream.write("::notice::y", .terminal)
        #expect(stream.text == "    \\u{3A}:warning::x then ::notice::y")
    }

    @Test("URIs percent-encode everything but unreserved characters and slashes")
    func uri() {
        #expect(SARIFReporter.uriPath("exports/my store #1.json") == "exports/my%20store%20%231.json")
        #expect(SARIFReporter.uriPath("é.json") == "%C3%A9.json")
    }

    @Test("SARIF artifact URIs are relative to the working directory when they can be")
    func sarifURI() {
        #expect(SARIFReporter.uri("Fixtures/a.json", workingDirectory: "/repo")! == ("Fixtures/a.json", true))
        #expect(SARIFReporter.uri("./a.json", workingDirectory: "/repo")! == ("a.json", true))
        #expect(SARIFReporter.uri("/repo/sub/a.json", workingDirectory: "/repo")! == ("sub/a.json", true))
        #expect(
            SARIFReporter.uri("/elsewhere/a b.json", workingDirectory: "/repo")! == (
                "file:///elsewhere/a%20b.json", false
            ))
        #expect(SARIFReporter.uri("<stdin>", workingDirectory: "/repo") == nil)
    }

    @Test("JSON strings escape quotes, backslashes, controls and line separators")
    func json() {
        #expect(JSONWriter.quoted("q\"b\\n\n\u{1}\u{2028}é") == "\"q\\\"b\\\\n\\n\\u0001\\u2028é\"")
        #expect(JSONWriter.quoted("\r\t\u{1F}\u{7F}\u{2029}\u{2027}") == "\"\\r\\t\\u001f\\u007f\\u2029\u{2027}\"")
        #expect(JSONWriter.quoted("") == "\"\"")
    }

    @Test("the JSON fast scan finds the first byte that needs a look, at every offset")
    func jsonScan() {
        // Every byte value at every position of strings up to 19 bytes long (two words and a
        // tail), after every start offset: the result must be the byte-by-byte answer.
        var failures = 0
        for length in 1...19 {
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = UInt8(value)
                    bytes.withUnsafeBufferPointer { buffer in
                        for start in 0...min(length, 9) {
                            let expected = (start..<length).first { JSONScan.isSpecial(buffer[$0]) } ?? length
                            if JSONScan.firstSpecial(buffer, from: start) != expected { failures += 1 }
                        }
                    }
                }
            }
        }
        #expect(failures == 0)
        #expect(JSONScan.isSpecial(0x1F) && JSONScan.isSpecial(0x22) && JSONScan.isSpecial(0x5C))
        #expect(JSONScan.isSpecial(0x7F) && JSONScan.isSpecial(0x80) && JSONScan.isSpecial(0xFF))
        #expect(!JSONScan.isSpecial(0x20) && !JSONScan.isSpecial(0x21) && !JSONScan.isSpecial(0x7E))
    }

    @Test("keys from an input and values written by the JSON writer are escaped")
    func throughTheWriter() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field(inputKey: "k\"ey\u{2028}", "v\u{7F}\t😀\\")
        writer.beginArray("list")
        writer.element("é")
        writer.endArray()
        writer.field("n", -42)
        writer.field("b", true)
        writer.endObject()
        #expect(
            writer.output
                == "{\n  \"k\\\"ey\\u2028\": \"v\\u007f\\t😀\\\\\",\n  \"list\": [\n    \"é\"\n  ],\n  \"n\": -42,\n  \"b\": true\n}"
        )
    }

    /// Characters around every special case: markup, controls, CR LF, combining marks that
    /// join the character before them, U+1FEF (which Swift's String compares equal to a
    /// backtick), U+2028, U+FFFE.
    static let alphabet: [String] =
        ["a", "Z", "0", " ", "%", ":", ",", "|", "`", "<", ">", "*", "_", "[", "]", "&", "\"", "'", "\\"]
        + ["\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "é", "e\u{301}", "\u{301}", "\u{200D}"]
        + ["\u{1FEF}", "\u{2028}", "\u{2029}", "\u{20A8}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "😀", "字", "\u{600}"]
        + ["#", "##[", "::", "\u{A0}", "\u{AD}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{E0041}"]

    /// The characters every human-facing mode shows as `\u{…}`, listed independently of the writer.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let invisible: [ClosedRange<UInt32>] = [
            0...0x1F, 0x7F...0x9F, 0xAD...0xAD, 0x34F...0x34F, 0x61C...0x61C, 0x115F...0x1160, 0x180E...0x180E,
            0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0x3164...0x3164, 0xFEFF...0xFEFF, 0xFFA0...0xFFA0,
            0xFFF9...0xFFFB, 0xE0000...0xE007F,
        ]
        return invisible.contains { $0.contains(scalar.value) }
    }

    /// `text` with each scalar `keep` does not claim shown as `\u{…}` when invisible.
    static func visible(_ text: String, keep: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        text.unicodeScalars.map {
            isInvisible($0) && !keep($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0)
        }.joined()
    }

    static func randomTexts(seed: Int) -> [String] {
        var random = TestSupport.SeededGenerator(seed: UInt64(seed))
        return (0..<300).map { _ in
            (0..<Int.random(in: 0..<24, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }
                .joined()
        }
    }

    /// Undoes `escape`'s entities or percent escapes, longest first; nil when something is left
    /// that the escape never writes.
    static func decode(_ text: String, _ escapes: [(String, String)]) -> String {
        // Scalar by scalar: a combining mark must not glue an escape to what follows it.
        let scalars = Array(text.unicodeScalars)
        let table = escapes.map { (Array($0.0.unicodeScalars), $0.1) }
        var out = String.UnicodeScalarView()
        var index = 0
        outer: while index < scalars.count {
            for (escaped, plain) in table where scalars[index...].starts(with: escaped) {
                out.append(contentsOf: plain.unicodeScalars)
                index += escaped.count
                continue outer
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    @Test("every mode decodes back to its text, and leaves nothing its medium would read", arguments: 0..<4)
    func roundTrips(_ seed: Int) throws {
        for text in Self.randomTexts(seed: seed) {
            // JSON: a parser reads back the text exactly (U+FEFF aside: Foundation's parser drops some).
            // JSON shown (a generated policy) too, which also leaves no invisible character raw.
            let sent = Array(text.unicodeScalars.filter { $0 != "\u{FEFF}" })
            for mode in [ByteStream.Escape.json, .jsonShown] {
                let json = "[\"" + Self.escaped(text, mode) + "\"]"
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
                #expect(
                    parsed?.first.map { Array($0.unicodeScalars.filter { $0 != "\u{FEFF}" }) == sent } == true,
                    "\(json)")
            }
            let jsonShown = Self.escaped(text, .jsonShown)
            #expect(jsonShown.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "\(jsonShown)")
            #expect(!jsonShown.unicodeScalars.contains { ("\u{200B}"..."\u{200F}").contains($0) || $0 == "\u{202E}" })

            // Workflow commands: no raw line break ends the command, no ':' or ',' a property.
            let message = Self.escaped(text, .workflowMessage)
            let property = Self.escaped(text, .workflowProperty)
            #expect(!message.unicodeScalars.contains { $0 == "\r" || $0 == "\n" })
            #expect(!property.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == ":" || $0 == "," })
            let percent = [("%25", "%"), ("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")]
            let shown = Self.visible(text) { $0 == "\r" || $0 == "\n" }
            #expect(Self.decode(message, percent).unicodeScalars.elementsEqual(shown.unicodeScalars))
            #expect(Self.decode(property, percent).unicodeScalars.elementsEqual(shown.unicodeScalars))

            // XML: no raw markup; the entities decode to the text with what XML cannot carry replaced.
            let carried = Self.visible(
                String(
                    String.UnicodeScalarView(
                        text.unicodeScalars.map {
                            ($0.value < 0x20 && !["\n", "\r", "\t"].contains($0)) || $0.value == 0xFFFE
                                || $0.value == 0xFFFF
                                ? "\u{FFFD}" : $0
                        }))
            ) { $0.value < 0x20 }
            let entities = [
                ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""), ("&apos;", "'"), ("&#10;", "\n"),
                ("&#13;", "\r"), ("&#9;", "\t"), ("&#91;", "["),
            ]
            for mode in [ByteStream.Escape.xml] {
                let xml = Self.escaped(text, mode)
                #expect(!xml.unicodeScalars.contains { $0 == "<" || $0 == ">" || $0 == "\"" })
                #expect(Self.decode(xml, entities).unicodeScalars.elementsEqual(carried.unicodeScalars), "\(mode)")
                if mode == .xml { #expect(!xml.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }) }
            }

            // HTML: no raw markup character; the entities decode to the text with invisibles shown.
            let html = Self.escaped(text, .html)
            #expect(!html.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) })
            let htmlEntities = [
                ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&#91;", "["),
            ]
            #expect(
                Self.decode(html, htmlEntities).unicodeScalars.elementsEqual(Self.visible(text).unicodeScalars),
                "\(html)")
            // Every & left starts one of the entities above.
            let htmlScalars = Array(html.unicodeScalars)
            for index in htmlScalars.indices where htmlScalars[index] == "&" {
                #expect(htmlEntities.contains { htmlScalars[index...].starts(with: $0.0.unicodeScalars) }, "\(html)")
            }
            #expect(!html.contains("##["))

            // Markdown: one code span, its fence longer than any backtick run inside; no line break.
            let markdown = Self.escaped(text, .markdown)
            #expect(!markdown.unicodeScalars.contains { $0 == "\r" || $0 == "\n" })
            var longest = 0
            var run = 0
            for scalar in text.unicodeScalars {
                run = scalar == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
            let fence = String(repeating: "`", count: longest + 1)
            let pad =
                [text.unicodeScalars.first, text.unicodeScalars.last].contains {
                    " `\r\n".unicodeScalars.contains($0 ?? "a")
                } ? " " : ""
            // CR LF, CR and LF each become one space (scalar by scalar, as the writer reads bytes).
            let lines = Self.decode(text, [("\r\n", " "), ("\r", " "), ("\n", " ")])
            // Scalar by scalar: a combining mark after a pipe does not hide it.
            let lineScalars = Array(lines.unicodeScalars)
            let content = lineScalars.indices.map { index -> String in
                let scalar = lineScalars[index]
                if scalar == "|" { return "\\|" }
                if scalar == "[" && index >= 2 && lineScalars[index - 1] == "#" && lineScalars[index - 2] == "#" {
                    return "\\u{5B}"
                }
                return Self.visible(String(scalar))
            }.joined()
            #expect(
                Array(markdown.unicodeScalars)
                    == Array((text.isEmpty ? "" : fence + pad + content + pad + fence).unicodeScalars),
                "\(markdown)")

            // Terminal: invisibles shown; no line can start with `::` and no `##[` is left.
            var scalars = Array(text.unicodeScalars)
            let start = scalars.firstIndex {
                !($0 == " " || $0 == "\t" || ($0.value >= 0x80 && $0.properties.isWhitespace))
            }
            var breaks: Set<Int> = []
            if let start, start + 1 < scalars.count, scalars[start] == ":", scalars[start + 1] == ":" {
                breaks.insert(start)
            }
            for index in scalars.indices
            where index >= 2 && scalars[index] == "[" && scalars[index - 1] == "#" && scalars[index - 2] == "#" {
                breaks.insert(index)
            }
            var terminal = ""
            for (index, scalar) in scalars.enumerated() {
                terminal +=
                    breaks.contains(index)
                    ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : Self.visible(String(scalar))
            }
            scalars = Array(Self.escaped(text, .terminal).unicodeScalars)
            #expect(scalars == Array(terminal.unicodeScalars), "\(text.debugDescription)")
            #expect(!scalars.contains { Self.isInvisible($0) && $0 != "\u{1FEF}" })
        }
    }

    @Test("fingerprints are stable and ignore message and position")
    func fingerprint() throws {
        let report = try lint(
            #"{ store_hash: "s", accounts: [{ name: "App", scopes: { "Customers Login": "login" } }] }"#, policy: nil)
        let moved = try lint(
            #"""
            {
              store_hash: "s",
              accounts: [
                { name: "App", scopes: { Products: "none", "Customers Login": "login" } },
              ],
            }
            """#, policy: nil)
        let a = report.findings.first { $0.rule == .riskyScope }!
        let b = moved.findings.first { $0.rule == .riskyScope }!
        #expect(a.location != b.location)
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint == Fingerprint.hex(["s", "App", "risky-scope", "least-privilege", "Customers Login"]))
        #expect(Fingerprint.hex(["a", "bc"]) != Fingerprint.hex(["ab", "c"]))
    }
}

/// The eight-bytes-at-a-time tests every scan is built on, against a byte-by-byte reference:
/// every byte value in every lane, beside every neighbour that could carry into it.
@Suite("Support: byte words")
struct ByteWordTests {
    static func marks(_ bytes: [UInt8], _ test: (UInt8) -> Bool) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | (test($1.element) ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0) }
    }

    @Test("equal, control and nonASCII mark exactly the bytes they name", arguments: [0, 3, 7])
    func lanes(lane: Int) {
        let neighbours: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xFF]
        for value in 0...255 {
            for neighbour in neighbours {
                var bytes = [UInt8](repeating: neighbour, count: 8)
                bytes[lane] = UInt8(value)
                let word = bytes.withUnsafeBytes { ByteWords.load($0.baseAddress!, 0) }
                for target: UInt8 in [0x0A, 0x20, 0x22, 0x5C, 0x7F] {
                    #expect(ByteWords.equal(word, target) == Self.marks(bytes) { $0 == target })
                }
                #expect(ByteWords.nonASCII(word) == Self.marks(bytes) { $0 >= 0x80 })
                // Controls are exact on ASCII bytes; on others nonASCII decides.
                let controls = ByteWords.control(word) & ~ByteWords.nonASCII(word)
                #expect(controls == Self.marks(bytes) { $0 < 0x20 })
                #expect(
                    ByteWords.leadingUnmarked(Self.marks(bytes) { $0 == UInt8(value) })
                        == (bytes.firstIndex(of: UInt8(value)) ?? 8))
            }
        }
    }
}
