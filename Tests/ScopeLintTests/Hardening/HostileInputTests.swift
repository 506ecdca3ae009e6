import Foundation
import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

/// A hostile input and what scopelint must say about it.
struct HostileCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    /// The start of the error, `<stdin>:line:column: error: ...`, or nil when the input is
    /// valid but odd and must lint.
    let error: String?
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8], _ error: String?) {
        self.name = name
        self.bytes = bytes
        self.error = error
    }

    init(_ name: String, _ text: String, _ error: String?) {
        self.init(name, Array(text.utf8), error)
    }
}

/// Deterministic pseudo-random bytes (a linear congruential generator), so the garbage is
/// the same on every run.
func garbage(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

@Suite("Hostile inputs", .timeLimit(.minutes(5)))  // debug builds on a loaded 2-core machine; a hang still fails
struct HostileInputTests {
    static let cases: [HostileCase] = [
        HostileCase("empty file", "", "<stdin>:1:1: error: expected an export"),
        HostileCase("BOM only", [0xEF, 0xBB, 0xBF], "<stdin>:1:1: error: expected an export"),
        HostileCase("whitespace only", "  \n\t\n", "<stdin>:1:1: error: expected an export"),
        // An export is read by the JSON reader alone (no whole-text pass first), which names the NUL itself.
        HostileCase(
            "NUL byte in JSON", "{\"stores\": [\u{0}]}",
            "<stdin>:1:13: error: expected a value (object, array, string, number, true, false or null), found a NUL byte"
        ),
        HostileCase(
            "invalid UTF-8 in a comment of an export", [UInt8]("{\"stores\": [] // caf".utf8) + [0xE9, 0x0A, 0x7D],
            "<stdin>:1:21: error: expected UTF-8 text; this byte is not UTF-8"),
        HostileCase(
            "NUL byte in text", "Orders: modify\n\u{0}\n",
            "<stdin>:2:1: error: expected text; the input holds a NUL byte"),
        HostileCase(
            "invalid UTF-8 in a JSON string",
            [
                0x7B, 0x22, 0x73, 0x74, 0x6F, 0x72, 0x65, 0x73, 0x22, 0x3A, 0x5B, 0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65,
                0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22,
            ], "<stdin>:1:21: error: expected UTF-8 text"),
        HostileCase(
            "invalid UTF-8 in text", [0x4F, 0x72, 0x64, 0x65, 0x72, 0x73, 0x3A, 0x20, 0xFF, 0xFE],
            "<stdin>:1:9: error: expected UTF-8 text"),
        HostileCase(
            "truncated UTF-8 where a BOM starts", [0xEF, 0xBB, 0x30, 0x62], "<stdin>:1:1: error: expected UTF-8 text"),
        HostileCase(
            "lone low surrogate escape", #"{"store_hash": "\udc00", "accounts": []}"#,
            "<stdin>:1:17: error: expected a high surrogate"),
        HostileCase(
            "high surrogate without its pair", #"{"store_hash": "\ud800x", "accounts": []}"#,
            "<stdin>:1:23: error: expected a \\u escape for the low surrogate"),
        HostileCase(
            "number out of range where stores belong", #"{"stores": 1e999999}"#,
            "<stdin>:1:12: error: expected \"stores\" to be an array of stores, found a number"),
        HostileCase(
            "huge integer as a level",
            #"{"store_hash": "a", "accounts": [{"name": "x", "scopes": {"Orders": 123456789012345678901234567890}}]}"#,
            "<stdin>:1:69: error: expected the level of this scope as a string"),
        HostileCase(
            "nesting thousands deep", String(repeating: "[", count: 5000),
            "<stdin>:1:257: error: expected at most 256 levels of nesting"),
        HostileCase(
            "nesting thousands deep in objects", String(repeating: "{\"a\":", count: 3000),
            "<stdin>:1:1281: error: expected at most 256 levels of nesting"),
        HostileCase(
            "duplicate keys in an account",
            #"{"store_hash": "a", "accounts": [{"name": "x", "name": "y", "scopes": []}]}"#,
            "<stdin>:1:48: error: duplicate key 'name'"),
        HostileCase(
            "duplicate stores key", #"{"stores": [], "stores": []}"#, "<stdin>:1:16: error: duplicate key 'stores'"),
        HostileCase("wrong type: root", "42", "<stdin>:1:1: error:"),
        HostileCase(
            "wrong type: stores", #"{"stores": {}}"#, "<stdin>:1:12: error: expected \"stores\" to be an array"),
        HostileCase(
            "wrong type: store", #"{"stores": ["abc"]}"#, "<stdin>:1:13: error: expected a store object, found a string"
        ),
        HostileCase(
            "wrong type: store hash", #"{"stores": [{"store_hash": 7, "accounts": []}]}"#,
            "<stdin>:1:28: error: expected the store hash as a string"),
        HostileCase(
            "wrong type: accounts", #"{"stores": [{"accounts": "all"}]}"#,
            "<stdin>:1:26: error: expected \"accounts\" to be an array"),
        HostileCase(
            "wrong type: account", #"{"stores": [{"accounts": [null]}]}"#,
            "<stdin>:1:27: error: expected an API account object, found null"),
        HostileCase(
            "wrong type: account name", #"{"stores": [{"accounts": [{"name": ["x"], "scopes": []}]}]}"#,
            "<stdin>:1:36: error: expected the account's name as a string"),
        HostileCase(
            "wrong type: account type", #"{"stores": [{"accounts": [{"name": "x", "type": true, "scopes": []}]}]}"#,
            "<stdin>:1:49: error: expected the account type as a string"),
        HostileCase(
            "wrong type: scopes", #"{"stores": [{"accounts": [{"name": "x", "scopes": 3}]}]}"#,
            "<stdin>:1:51: error: expected \"scopes\" to be an object, an array or a string"),
        HostileCase(
            "wrong type: a parameter", #"{"stores": [{"accounts": [{"name": "x", "scopes": [1]}]}]}"#,
            "<stdin>:1:52: error: expected an OAuth scope parameter string"),
        HostileCase("binary garbage", garbage(4096, seed: 7), "<stdin>:"),
        HostileCase("binary garbage starting like JSON", [0x7B] + garbage(4096, seed: 11), "<stdin>:"),
        HostileCase("unterminated comment", "{ /* the rest is missing", "<stdin>:1:3: error: expected '*/'"),
        HostileCase(
            "a valid export with an unknown scope of control characters",
            "{\"store_hash\": \"a\", \"accounts\": [{\"name\": \"x\", \"scopes\": [\"\\u0007\\u001b[31m\"]}]}", nil),
    ]

    @Test(arguments: cases)
    func hostile(_ item: HostileCase) {
        let result = lintStandardInput(item.bytes)
        if let error = item.error {
            #expect(result.code == 2, "\(item.name): exit \(result.code)")
            #expect(result.err.hasPrefix(error), "\(item.name): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "one located line")
        } else {
            #expect(result.code == 0 || result.code == 1)
            // Control characters never reach a terminal raw.
            #expect(!result.out.contains("\u{1B}"))
        }
    }

    /// Limits a thousand times smaller than the standard ones: each limit is proved on kilobytes.
    static let small = Limits(inputSize: 64 << 10, stringLength: 1 << 10)

    @Test("the standard limits: 512 MiB inputs, 1 MiB strings")
    func standardLimits() {
        #expect(Limits.standard == Limits(inputSize: 512 << 20, stringLength: 1 << 20))
        #expect(Limits.describe(Limits.standard.inputSize) == "512 MiB")
        #expect(Limits.describe(Limits.standard.stringLength) == "1 MiB")
        #expect(Limits.describe(1 << 10) == "1 KiB")
        #expect(Limits.describe(1000) == "1000 bytes")
    }

    @Test("a string one byte over the limit is refused at its position; one at the limit is read")
    func longString() {
        func export(_ length: Int) -> [UInt8] {
            Array(#"{"stores": [{"store_hash": ""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: length)
                + Array(#"", "accounts": []}]}"#.utf8)
        }
        let over = lintStandardInput(export(Self.small.stringLength + 1), limits: Self.small)
        #expect(over.code == 2)
        #expect(over.err.hasPrefix("<stdin>:1:28: error: a string longer than 1 KiB"))
        // Escapes take another path through the reader; the limit counts what they decode to.
        var escaped = Array(#"{"stores": [{"store_hash": ""#.utf8)
        escaped += Array(String(repeating: #"\u0061"#, count: Self.small.stringLength + 1).utf8)
        escaped += Array(#"", "accounts": []}]}"#.utf8)
        #expect(lintStandardInput(escaped, limits: Self.small).err.hasPrefix("<stdin>:1:28: error: a string longer"))
        #expect(lintStandardInput(export(Self.small.stringLength), limits: Self.small).code == 0)
        // A JSON5 key without quotes is held to the same limit.
        func unquoted(_ length: Int) -> [UInt8] {
            Array(#"{ store_hash: "s", accounts: [{ name: "x", scopes: { "#.utf8)
                + [UInt8](repeating: UInt8(ascii: "k"), count: length) + Array(#": "none" } }] }"#.utf8)
        }
        let key = lintStandardInput(unquoted(Self.small.stringLength + 1), limits: Self.small)
        #expect(key.err.hasPrefix("<stdin>:1:54: error: a string longer than 1 KiB"), "\(key.err)")
        #expect(lintStandardInput(unquoted(Self.small.stringLength), limits: Self.small).err.isEmpty)
    }

    @Test("a 256 KB scope name on one line of text is echoed cut short")
    func longTextLine() {
        let bytes = Array(("Orders: modify\n" + String(repeating: "x", count: 256 << 10) + ": modify\n").utf8)
        let result = lintStandardInput(bytes, ["--format", "json"])
        // An unknown scope at modify cannot be judged: an error.
        #expect(result.code == 1)
        #expect(result.out.utf8.count < 20_000)
        #expect(result.out.contains("…"))
    }

    @Test("5,000 accounts on one line are all checked, and the store is flagged")
    func manyAccounts() {
        var text = #"{"stores": [{"store_hash": "big", "accounts": ["#
        text += (0..<5_000).map { #"{"name": "Feed \#($0)", "scopes": "store_v2_products_read_only"}"# }.joined(
            separator: ",")
        text += "]}]}"
        let json = lintStandardInput(Array(text.utf8), ["--format", "json", "--fail-on", "warning"])
        #expect(json.code == 1)
        #expect(json.out.hasSuffix("\"stores\": 1,\n    \"accounts\": 5000\n  }\n}\n"))
        #expect(json.out.contains("\"rule\": \"too-many-accounts\""))
        #expect(json.out.contains("\"column\": 13"))
    }

    @Test("20,000 parameters on one line of a scope string are read")
    func longScopeLine() {
        let line = Array(repeating: "store_v2_orders_read_only", count: 20_000).joined(separator: " ")
        let result = lintStandardInput(Array(line.utf8), ["--format", "json", "--policy", "read-only"])
        #expect(result.code == 0)
    }

    @Test("an input over the size limit is refused before it is read, as a file and on standard input")
    func oversizedInput() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("big.json").path
        let over = [UInt8](repeating: UInt8(ascii: " "), count: Self.small.inputSize + 1)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(over)))
        for command in ["lint", "diff", "convert"] {
            let result = runCLI([command, path], limits: Self.small)
            #expect(result.code == 2, "\(command)")
            #expect(
                result.err
                    == "\(path): error: the input is larger than 64 KiB, the most scopelint reads; split the export by store\n",
                "\(command)")
        }
        let piped = lintStandardInput(over, limits: Self.small)
        #expect(piped.code == 2)
        #expect(piped.err.hasPrefix("<stdin>: error: the input is larger than 64 KiB"))
        // Exactly at the limit is read (and, all blanks, is an empty input).
        #expect(lintStandardInput(Array(over.dropLast()), limits: Self.small).err.contains("expected an export"))
    }

    @Test("standard input, a pipe and a device past the limit are refused by every command, read one byte past it")
    func endlessInput() {
        let endless = [UInt8](repeating: 0x20, count: 4 * Self.small.inputSize)
        let tooLarge = ": error: the input is larger than 64 KiB, the most scopelint reads; split the export by store\n"
        for command in ["lint", "diff", "convert"] {
            // Standard input as the executable reads it: descriptor 0 is the pipe here.
            let read = TestSupport.withPipe(writing: endless) { descriptor in
                var console = Console { (limit) throws(ScopeLintError) in
                    try InputFile.read(descriptor: descriptor, file: InputFile.standardInputName, limit: limit)
                }
                console.limits = Self.small
                #expect(CLI.run([command, "-"], console: &console) == 2, "\(command)")
                #expect(console.err == "<stdin>" + tooLarge, "\(command)")
            }
            #expect(read == Self.small.inputSize + 1, "\(command) read \(read) bytes")
            TestSupport.withPipe(writing: endless) { descriptor in
                let result = runCLI([command, "/dev/fd/\(descriptor)"], limits: Self.small)
                #expect(result.code == 2 && result.err == "/dev/fd/\(descriptor)" + tooLarge, "\(command)")
            }
            let zeros = runCLI([command, "/dev/zero"], limits: Self.small)
            #expect(zeros.code == 2 && zeros.err == "/dev/zero" + tooLarge, "\(command)")
        }
    }

    @Test("a pipe or FIFO named as an input is read whole by lint, diff and convert; a FIFO nobody writes is empty")
    func pipesAsInputs() throws {
        let file = packageRoot.appendingPathComponent("Fixtures/exports/celigo-integrator-io/over-privileged.json").path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        for command in ["lint", "diff", "convert"] {
            let expected = runCLI([command, file])
            #expect(expected.code != 2)
            TestSupport.withPipe(writing: bytes) { descriptor in
                let name = "/dev/fd/\(descriptor)"
                let piped = runCLI([command, name])
                #expect(piped.code == expected.code, "\(command): \(piped.err)")
                #expect(piped.out.replacingOccurrences(of: name, with: file) == expected.out, "\(command)")
            }
        }
        let folder = try temporaryDirectory("fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("export.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let unwritten = runCLI(["lint", fifo])
        #expect(unwritten.code == 2)
        #expect(unwritten.err.hasPrefix("\(fifo):1:1: error: expected an export"), "\(unwritten.err)")
    }

    @Test("standard input is handed back behind the reader only when nothing reads it again")
    func standardInputReadTwice() {
        let stores = (0..<400).map {
            #"{"store_hash": "s\#($0)", "accounts": [{"name": "Feed", "scopes": "store_v2_products"}]}"#
        }
        let bytes = Array(("{\"stores\": [\n" + stores.joined(separator: ",\n") + "\n]}\n").utf8)
        // convert reads its inputs twice, and `- -` names standard input twice: pages handed
        // back after the first reading would read as zeros in the second.
        for arguments in [["convert", "-"], ["lint", "-"], ["lint", "-", "-"], ["diff", "-"]] {
            var console = Console { _ in
                let input = InputBytes(copying: bytes)
                input.releaseStep = 4096
                return input
            }
            let code = CLI.run(arguments, console: &console)
            let expected = runCLI(arguments, standardInput: bytes)
            #expect(code == expected.code && console.out == expected.out, "\(arguments): \(console.err)")
        }
    }

    @Test(
        "every input the fuzzer crashed on is handled now",
        arguments: try! FileManager.default.contentsOfDirectory(
            atPath: packageRoot.appendingPathComponent("Fixtures/fuzz-regressions").path
        ).sorted())
    func fuzzRegression(_ name: String) throws {
        let bytes = try InputFile.read(packageRoot.appendingPathComponent("Fixtures/fuzz-regressions/\(name)").path)
        for from in InputFormat.identifiers + ["detect"] {
            var console = Console(readStandardInput: { _ in InputBytes(copying: bytes) })
            let code = CLI.run(["lint", "-"] + (from == "detect" ? [] : ["--from", from]), console: &console)
            #expect(code == 0 || code == 1 || (code == 2 && console.err.hasPrefix("<stdin>")), "\(name) as \(from)")
        }
        _ = try? PolicyLoader.load(bytes, file: "p")
    }
}

@Suite("Hostile policy folders")
struct HostilePolicyFolderTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = try temporaryDirectory()
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("a symbolic link out of the folder is refused")
    func symlinkOut() throws {
        let outside = try folder(["elsewhere.json5": #"{ id: "elsewhere", title: "x", scopes: {} }"#])
        let inside = try folder([:])
        try FileManager.default.createSymbolicLink(
            atPath: inside.appendingPathComponent("linked.json5").path,
            withDestinationPath: outside.appendingPathComponent("elsewhere.json5").path)
        let result = runCLI(["policies", "list", "--policies", inside.path])
        #expect(result.code == 2)
        #expect(result.err.contains("linked.json5: error: cannot read: it links outside"))
    }

    @Test("a dangling link or a folder named like a policy is a clear error")
    func notAFile() throws {
        let inside = try folder([:])
        try FileManager.default.createSymbolicLink(
            atPath: inside.appendingPathComponent("gone.json5").path, withDestinationPath: "/nonexistent/gone.json5")
        var result = runCLI(["policies", "list", "--policies", inside.path])
        #expect(result.code == 2)
        #expect(result.err.contains("gone.json5: error: cannot read"))
        try FileManager.default.removeItem(at: inside.appendingPathComponent("gone.json5"))
        try FileManager.default.createDirectory(
            at: inside.appendingPathComponent("dir.json5"), withIntermediateDirectories: false)
        result = runCLI(["policies", "list", "--policies", inside.path])
        #expect(result.code == 2)
        #expect(result.err.contains("dir.json5: error: cannot read: it is a directory"))
    }

    @Test("two files with one id, and an extends cycle, are errors naming the files")
    func sameIDAndCycle() throws {
        let twins = try folder([
            "a.json5": #"{ id: "twin", title: "A", scopes: {} }"#,
            "b.json5": #"{ id: "twin", title: "B", scopes: {} }"#,
        ])
        var result = runCLI(["policies", "list", "--policies", twins.path])
        #expect(result.code == 2)
        #expect(result.err.contains("b.json5:1:1: error: policy id 'twin' is also the id of"))
        let cycle = try folder([
            "a.json5": #"{ id: "a", title: "A", extends: ["b"], scopes: {} }"#,
            "b.json5": #"{ id: "b", title: "B", extends: ["a"], scopes: {} }"#,
        ])
        result = runCLI(["policies", "show", "a", "--policies", cycle.path])
        #expect(result.code == 2)
        #expect(result.err.contains("extends forms a cycle: a -> b -> a"))
    }
}
