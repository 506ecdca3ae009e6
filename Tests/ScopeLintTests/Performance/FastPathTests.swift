import Foundation
import Testing
@testable import ScopeLint

/// The fast paths must give exactly what the general paths give: the spelling table what the
/// catalog's lookups give, the streaming reader what reading whole gives, the parallel report
/// what one thread writes. Each test compares the two, so a fast path that drifts fails here.
@Suite("Fast paths agree with the general ones")
struct FastPathTests {
    static let catalog = Catalog.bigCommerce
    static let words = catalog.spellings.words.indices.map { Int32($0) }
    static let levelWords = words.filter { !catalog.spellings.words[Int($0)].levels.isEmpty }

    @Test("every spelling is found by its bytes and by its text, and nothing else is", arguments: words)
    func lookup(_ word: Int32) {
        let text = Self.catalog.spellings.words[Int(word)].text
        #expect(Self.catalog.spellings.lookup(text) == word)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { #expect(Self.catalog.spellings.lookup($0, 0..<$0.count) == word) }
        // Inside a larger buffer, at an offset: the reader looks words up where they lie.
        let padded = Array("xx\"".utf8) + bytes + Array("\"yy".utf8)
        padded.withUnsafeBufferPointer { #expect(Self.catalog.spellings.lookup($0, 3..<(3 + bytes.count)) == word) }
        // A near miss finds nothing, or the word spelled exactly so (some prefixes are words too).
        for nearMiss in [text + " ", String(text.dropLast()), text.uppercased(), " " + text] {
            if let found = Self.catalog.spellings.lookup(nearMiss) {
                #expect(Self.catalog.spellings.words[Int(found)].text == nearMiss)
            }
        }
    }

    @Test("no word for empty, unknown or overlong text")
    func notFound() {
        #expect(Self.catalog.spellings.lookup("") == nil)
        #expect(Self.catalog.spellings.lookup("Not A Scope") == nil)
        #expect(Self.catalog.spellings.lookup(String(repeating: "a", count: 101)) == nil)
    }

    @Test("each word's answers are the catalog's own", arguments: words)
    func answers(_ word: Int32) {
        let entry = Self.catalog.spellings.words[Int(word)]
        #expect(entry.scope == Self.catalog.scope(named: entry.text))
        let parameter = Self.catalog.parameter(entry.text)
        #expect(entry.parameter?.scope == parameter?.scope)
        #expect(entry.parameter?.level == parameter?.level)
        #expect(entry.parameter?.canonical == parameter?.canonical)
        for scope in Self.catalog.scopes.indices where !entry.levels.isEmpty {
            #expect(entry.levels[scope] == Self.catalog.level(entry.text, of: ScopeID(scope)), "\(entry.text) as a level of \(Self.catalog.scopes[scope].name)")
        }
    }

    /// Grants resolved from word ids and from text alone.
    static func both(_ key: Int32, level: Int32?) -> (fast: Result<Grants, ScopeLintError>, slow: Result<Grants, ScopeLintError>) {
        let words = catalog.spellings.words
        let levelText = level.map { words[Int($0)].text }
        let slow = ScopeEntry(key: words[Int(key)].text, level: levelText, position: TextPosition(line: 3, column: 7))
        var fast = slow
        fast.keyWord = key
        fast.levelWord = level ?? -1
        return (Result { () throws(ScopeLintError) in try Grants.resolve([fast], file: "f", catalog: catalog) },
                Result { () throws(ScopeLintError) in try Grants.resolve([slow], file: "f", catalog: catalog) })
    }

    static func summary(_ result: Result<Grants, ScopeLintError>) -> String {
        switch result {
        case let .success(grants):
            "levels \(grants.levels) positions \(grants.positions.map { $0.map { "\($0.line):\($0.column)" } ?? "-" }) unknown \(grants.unknown.map(\.key)) normalized \(grants.normalized.map { "\($0.kind) \($0.scope.index) \($0.written) \($0.readAs)" }) conflicts \(grants.conflicts.count)"
        case let .failure(error):
            "error \(error.description)"
        }
    }

    @Test("grants from word ids equal grants from text, for every word as a key with every level word", arguments: words)
    func grants(_ key: Int32) {
        let (fast, slow) = Self.both(key, level: nil)
        #expect(Self.summary(fast) == Self.summary(slow))
        for level in Self.levelWords {
            let (fast, slow) = Self.both(key, level: level)
            #expect(Self.summary(fast) == Self.summary(slow), "key \(Self.catalog.spellings.words[Int(key)].text), level \(Self.catalog.spellings.words[Int(level)].text)")
        }
    }

    /// JSON string escaping as the specification reads, one scalar at a time.
    static func referenceQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("JSON strings escape the same at every offset (the writer scans eight bytes at a time)",
          arguments: ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "😀", "\u{2027}", "\u{202A}", "~", " "])
    func escaping(_ special: String) {
        for offset in 0..<24 {
            for tail in [0, 1, 7, 8, 9] {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: tail)
                #expect(JSONWriter.quoted(text) == Self.referenceQuoted(text), "offset \(offset), tail \(tail)")
            }
        }
    }

    @Test("globs match the same over bytes and over characters")
    func globs() {
        let patterns = ["*", "?", "??", "*Stone Edge*", "Modern Retail*", "a*b*c", "CSM*", "*integrator.io*", "a\\*", "*ü*", "M?ller*"]
        let names = ["Stone Edge Order Manager", "STONE EDGE", "stone edgy", "Modern Retail Integration 2", "modern retail", "abc", "aXbYc", "acb",
                     "CSM Business Central", "Celigo integrator.io", "Müller Sync", "Muller Sync", "line\r\nbreak", "", "a*", "ab"]
        for pattern in patterns {
            for name in names {
                let p = Array(pattern.lowercased()), t = Array(name.lowercased())
                #expect(Glob.matches(pattern, name) == Self.referenceGlob(p, t), "\(pattern) against \(name)")
            }
        }
    }

    /// Shell-style matching by recursion: slow, obviously right.
    static func referenceGlob(_ p: [Character], _ t: [Character]) -> Bool {
        guard let first = p.first else { return t.isEmpty }
        if first == "*" { return (0...t.count).contains { referenceGlob(Array(p.dropFirst()), Array(t.dropFirst($0))) } }
        guard let head = t.first, first == "?" || first == head else { return false }
        return referenceGlob(Array(p.dropFirst()), Array(t.dropFirst()))
    }
}

/// Large inputs take paths small fixtures never do: the reading thread (4 MiB and up), pages
/// handed back to the system (every 8 MiB), the report rendered on every core (20,000
/// findings and up). Their results must be the ones the plain paths give.
@Suite("Large inputs")
struct LargeInputTests {
    /// A fleet big enough for every large-input path: about 12 MB, 25,000 findings.
    static let fleet: String = {
        let names = ["Modern Retail Integration", "Stone Edge Order Manager", "Reporting", "Zapier"]
        var text = "{\n  \"format\": \"scopelint-export/1\",\n  \"stores\": [\n"
        for store in 0..<600 {
            text += "    {\n      \"store_hash\": \"s\(store)\",\n      \"accounts\": [\n"
            for account in 0..<10 {
                let level = (store + account) % 3 == 0 ? "modify" : "read-only"
                text += "        {\n          \"name\": \"\(names[account % 4]) \(account)\",\n          \"scopes\": {\n"
                text += "            \"Customers\": \"\(level)\",\n            \"Orders\": \"modify\",\n            \"Products\": \"\(level)\",\n"
                text += "            \"Marketing\": \"modify\",\n            \"Order Transactions\": \"modify\",\n            \"Carts\": \"modify\",\n"
                text += "            \"Storefront API Tokens\": \"manage\",\n            \"Information & Settings\": \"read-only\",\n"
                for filler in 0..<40 { text += "            \"Not A Scope \(filler % 3)\": \"none\",\n" }
                text += "            \"Checkouts\": \"\(account % 2 == 0 ? "modify" : "none")\"\n          }\n        }\(account < 9 ? "," : "")\n"
            }
            text += "      ]\n    }\(store < 599 ? "," : "")\n"
        }
        return text + "  ]\n}\n"
    }()

    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scopelint-large-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the streamed, pipelined lint of a large file equals reading it whole and linting")
    func streamedEqualsWhole() throws {
        let path = try Self.temporaryFile(Self.fleet)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.fleet.utf8.count > InputBytes.releaseStep)

        var console = Console()
        let code = CLI.run(["lint", path, "--format", "json"], console: &console)
        #expect(code == 1)

        let library = try PolicyLibrary.bundled()
        let engine = try LintEngine(library: library, policyIDs: [])
        let export = try ExportReader.read(Array(Self.fleet.utf8), file: path)
        let report = try engine.lint([export])
        #expect(report.findings.count > JSONReporter.parallelThreshold)
        #expect(console.out == JSONReporter.render(report, options: ReportOptions()))
    }

    @Test("the report rendered on every core is byte for byte the one-thread report")
    func parallelRendering() throws {
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        let report = try engine.lint([try ExportReader.read(Array(Self.fleet.utf8), file: "fleet.json")])
        let one = ByteStream(), every = ByteStream()
        JSONReporter.write(report, to: one, parallelAbove: .max)
        JSONReporter.write(report, to: every, parallelAbove: 0)
        #expect(one.text == every.text)
        #expect(one.text.hasSuffix("}\n"))
    }

    @Test("a mapped file's bytes stay readable and unchanged after pages are handed back")
    func release() throws {
        let path = try Self.temporaryFile(Self.fleet)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try InputFile.open(path)
        input.release(before: input.count - 1)
        #expect(input.array == Array(Self.fleet.utf8))
    }

    @Test("a syntax error after many stores is still exit 2 with its place, and no report")
    func lateError() throws {
        var broken = Self.fleet
        broken.removeLast(8)
        let path = try Self.temporaryFile(broken + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var console = Console()
        let code = CLI.run(["lint", path, "--format", "json"], console: &console)
        #expect(code == 2)
        #expect(console.out.isEmpty)
        #expect(console.err.hasPrefix("\(path):"))
    }

    @Test("several inputs lint in parallel to the report of reading them in order; errors in argument order")
    func severalInputs() throws {
        let fixtures = ["modern-retail/over-privileged.json", "stone-edge/conforming.json", "csm-business-central/under-privileged.json",
                        "fleet/agency.json5", "celigo-integrator-io/over-privileged.json"].map { "Fixtures/exports/" + $0 }
        var console = Console()
        _ = CLI.run(["lint"] + fixtures + ["--format", "json"], console: &console)
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        let exports = try fixtures.map { path throws in
            try InputFormat.read(try InputFile.read(path), file: path)
        }
        #expect(console.out == JSONReporter.render(try engine.lint(exports), options: ReportOptions()))

        let invalid = ["Fixtures/exports/malformed/unknown-key.json", "Fixtures/exports/malformed/unclosed-account.json"]
        var first: String?
        for _ in 0..<10 {
            var console = Console()
            #expect(CLI.run(["lint", fixtures[0]] + invalid + [fixtures[1]], console: &console) == 2)
            #expect(console.err.hasPrefix(invalid[0]))
            if let first { #expect(console.err == first) } else { first = console.err }
        }
    }
}

@Suite("Pipeline")
struct PipelineTests {
    struct Stop: Error {}

    @Test("items arrive in order, more than the queue holds")
    func order() throws {
        var received: [Int] = []
        try Pipeline.run(produce: { send in for item in 0..<10_000 { send(item) } }, consume: { received.append($0) })
        #expect(received == Array(0..<10_000))
    }

    @Test("what was produced before an error is consumed, then the error is thrown")
    func producerError() {
        var received: [Int] = []
        let error = captureInvalid {
            try Pipeline.run(produce: { (send) throws(ScopeLintError) in
                for item in 0..<100 { send(item) }
                throw .invalid(file: "f", position: TextPosition(line: 9, column: 1), message: "late")
            }, consume: { received.append($0) })
        }
        #expect(received == Array(0..<100))
        #expect(error?.message == "late")
    }

    // The limit catches a deadlock (the producer blocked on a full queue forever); it
    // measures nothing.
    @Test("a consumer error stops the run without waiting for the producer", .timeLimit(.minutes(1)))
    func consumerError() {
        let error = captureInvalid {
            try Pipeline.run(produce: { send in for item in 0..<5_000_000 { send(item) } }, consume: { (item: Int) throws(ScopeLintError) in
                if item == 50 { throw .invalid(file: "f", position: nil, message: "stop") }
            })
        }
        #expect(error?.message == "stop")
    }

    // Regression: the producer can take one more slot after the consumer has stopped, and
    // libdispatch trapped when the queue was freed below its starting count. Many short
    // cancelled runs make that interleaving likely; a trap would end the test process.
    @Test("cancelled runs free their queue cleanly however the threads interleave", .timeLimit(.minutes(1)))
    func cancelledRuns() {
        for _ in 0..<300 {
            let error = captureInvalid {
                try Pipeline.run(produce: { send in for item in 0..<2_000 { send(item) } }, consume: { (item: Int) throws(ScopeLintError) in
                    if item == 40 { throw .invalid(file: "f", position: nil, message: "stop") }
                })
            }
            #expect(error?.message == "stop")
        }
    }
}
