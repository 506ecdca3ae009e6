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
        #expect(Self.escaped("a<b>&\"c\" 'd'", .xmlAttribute) == "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;")
        #expect(Self.escaped("nul\u{0}bell\u{7}", .xmlAttribute) == "nul\u{FFFD}bell\u{FFFD}")
        #expect(Self.escaped("\u{FFFE}x\u{FFFF}\u{FFFD}\u{7F}é", .xmlAttribute) == "\u{FFFD}x\u{FFFD}\u{FFFD}\u{7F}é")
        #expect(Self.escaped("line\nbreak\r\ttab", .xmlAttribute) == "line&#10;break&#13;&#9;tab")
        #expect(Self.escaped("line\nbreak\r", .xmlText) == "line\nbreak&#13;")
    }

    @Test("Markdown cells cannot break the table or inject markup")
    func markdown() {
        #expect(Self.escaped("a|b`c`\nd <img>", .markdown) == "a\\|b\\`c\\` d &lt;img&gt;")
        #expect(Self.escaped("store_checkouts *x* [y]", .markdown) == "store\\_checkouts \\*x\\* \\[y\\]")
        #expect(Self.escaped("a\r\nb\rc", .markdown) == "a b c")
        // Escaped per character, as it always was: a pipe a combining mark joins is one character.
        #expect(Self.escaped("é|\u{301}x", .markdown) == "é|\u{301}x")
    }

    @Test("terminal text goes as it is")
    func terminal() {
        #expect(Self.escaped("a|b\"c\" <d> 100%", .terminal) == "a|b\"c\" <d> 100%")
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

    @Test("keys and values written by the JSON writer are escaped")
    func throughTheWriter() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("k\"ey\u{2028}", "v\u{7F}\t😀\\")
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

    /// What each mode wrote before it streamed (String to String, scalar by scalar or
    /// character by character): random text must escape to the same bytes.
    enum Reference {
        static func json(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x2028: out += "\\u2028"
                case 0x2029: out += "\\u2029"
                case 0x00..<0x20, 0x7F:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        static func xml(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case "\n": out += "&#10;"
                case "\r": out += "&#13;"
                case "\t": out += "&#9;"
                default:
                    let v = scalar.value
                    if v < 0x20 || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF {
                        out += "\u{FFFD}"
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out
        }

        static func workflowMessage(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }

        static func workflowProperty(_ text: String) -> String {
            workflowMessage(text)
                .replacingOccurrences(of: ":", with: "%3A")
                .replacingOccurrences(of: ",", with: "%2C")
        }

        static func markdown(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "|": out += "\\|"
                case "`": out += "\\`"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "*", "_", "[", "]": out += "\\\(character)"
                case "\n", "\r", "\r\n": out += " "
                default: out.append(character)
                }
            }
            return out
        }
    }

    /// Characters around every special case: markup, controls, CR LF, combining marks that
    /// join the character before them, U+1FEF (which equals a backtick), U+2028, U+FFFE.
    static let alphabet: [String] =
        ["a", "Z", "0", " ", "%", ":", ",", "|", "`", "<", ">", "*", "_", "[", "]", "&", "\"", "'", "\\"]
        + ["\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "é", "e\u{301}", "\u{301}", "\u{200D}"]
        + ["\u{1FEF}", "\u{2028}", "\u{2029}", "\u{20A8}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "😀", "字", "\u{600}"]

    @Test("every mode writes what its String-to-String escaper did, on random text", arguments: 0..<4)
    func agreesWithReference(_ seed: Int) {
        var random = TestSupport.SeededGenerator(seed: UInt64(seed))
        var failures: [String] = []
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<24, using: &random)).map { _ in
                Self.alphabet.randomElement(using: &random)!
            }.joined()
            let cases: [(ByteStream.Escape, String)] = [
                (.json, Reference.json(text)), (.xmlAttribute, Reference.xml(text)),
                (.xmlText, Reference.xml(text).replacingOccurrences(of: "&#10;", with: "\n")),
                (.workflowMessage, Reference.workflowMessage(text)),
                (.workflowProperty, Reference.workflowProperty(text)), (.markdown, Reference.markdown(text)),
                (.terminal, text),
            ]
            for (mode, expected) in cases where !Array(Self.escaped(text, mode).utf8).elementsEqual(expected.utf8) {
                failures.append("\(mode) \(text.debugDescription)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
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
