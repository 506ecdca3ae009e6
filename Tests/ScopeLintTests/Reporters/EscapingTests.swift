import Testing

@testable import ScopeLint

@Suite("Escaping for each format")
struct EscapingTests {
    @Test("workflow command messages escape %, CR and LF")
    func workflowMessage() {
        #expect(Escaping.workflowMessage("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
    }

    @Test("workflow command properties also escape : and ,")
    func workflowProperty() {
        #expect(Escaping.workflowProperty("C:\\exports\\a,b.json") == "C%3A\\exports\\a%2Cb.json")
        #expect(Escaping.workflowProperty("50%: x\n") == "50%25%3A x%0A")
    }

    @Test("XML escapes markup and replaces characters XML cannot hold")
    func xml() {
        #expect(Escaping.xml("a<b>&\"c\" 'd'") == "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;")
        #expect(Escaping.xml("nul\u{0}bell\u{7}") == "nul\u{FFFD}bell\u{FFFD}")
        #expect(Escaping.xml("line\nbreak") == "line&#10;break")
        #expect(Escaping.xmlText("line\nbreak") == "line\nbreak")
    }

    @Test("Markdown cells cannot break the table or inject markup")
    func markdown() {
        #expect(Escaping.markdownCell("a|b`c`\nd <img>") == "a\\|b\\`c\\` d &lt;img&gt;")
        #expect(Escaping.markdownCell("store_checkouts *x*") == "store\\_checkouts \\*x\\*")
    }

    @Test("URIs percent-encode everything but unreserved characters and slashes")
    func uri() {
        #expect(Escaping.uriPath("exports/my store #1.json") == "exports/my%20store%20%231.json")
        #expect(Escaping.uriPath("é.json") == "%C3%A9.json")
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
        let out = JSONWriter.quoted("q\"b\\n\n\u{1}\u{2028}é")
        #expect(out == "\"q\\\"b\\\\n\\n\\u0001\\u2028é\"")
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
