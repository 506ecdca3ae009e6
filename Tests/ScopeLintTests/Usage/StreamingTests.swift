import Foundation
import Testing

@testable import ScopeLint

@Suite("Usage: streaming lines")
struct StreamingTests {
    static let log = """
        203.0.113.7 - - [29/Nov/2026:10:00:00 +0000] "GET /stores/abc/v3/catalog/products?limit=5 HTTP/1.1" 200 51 "-" "a"\r
        203.0.113.7 - - [29/Nov/2026:10:00:01 +0000] "PUT https://API.bigcommerce.com:443/stores/abc/v3/catalog/products/7 HTTP/1.1" 200 9 "-" "b"\r

        203.0.113.7 - - [29/Nov/2026:10:00:02 +0000] "GET /stores/abc/v2/orders/10021 HTTP/1.1" 200 9
        """

    @Test func linesThatSpanSevenByteChunksReadTheSame() throws {
        let whole = try Usage.read(Self.log)
        let chunked = try Usage.read(Self.log, chunkSize: 7)
        #expect(whole.format == .accessLog)
        #expect(whole.records == chunked.records)
        #expect(
            whole.shapes == [
                "GET API /stores/abc/v3/catalog/products", "PUT api.bigcommerce.com /stores/abc/v3/catalog/products/7",
                "GET API /stores/abc/v2/orders/10021",
            ])
        #expect(whole.calls.map(\.location.description) == ["<stdin>:1:47", "<stdin>:2:47", "<stdin>:4:47"])
        // Every chunk size from 1 to 40 cuts lines (and CR LF) somewhere else: the same records.
        for size in 1...40 { #expect(try Usage.read(Self.log, chunkSize: size).records == whole.records) }
    }

    @Test func aFileStreamsFromItsDescriptorInChunks() throws {
        let path = Usage.temporaryFile(Array(Self.log.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try Usage.read(file: path, chunkSize: 7)
        #expect(read.records.count == 3)
        #expect(read.calls.first?.location.description == "\(path):1:47")
    }

    @Test func theInputSizeLimitDoesNotApplyToStreamedText() throws {
        // A log far larger than the (lowered) input limit reads, from a file and in small chunks.
        let line = "10.0.0.1 - - [29/Nov/2026:10:00:00 +0000] \"GET /stores/abc/v3/customers HTTP/1.1\" 200 1\n"
        let path = Usage.temporaryFile(Array(String(repeating: line, count: 200).utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try Usage.read(file: path, limits: Limits(inputSize: 1024), chunkSize: 100)
        #expect(read.calls.count == 200)
    }

    @Test func aLineLongerThanTheLimitIsAnErrorAtItsLine() {
        let limits = Limits(stringLength: 64)
        let long = "GET /v3/catalog/products/" + String(repeating: "1", count: 100) + "\n"
        let text = "GET /v3/orders\n" + long + "GET /v3/orders\n"
        for chunk in [7, 1 << 20] {
            #expect(
                Usage.error(text, limits: limits, chunkSize: chunk)
                    == "<stdin>:2:1: error: the line is longer than 64 bytes, the longest line scopelint reads; is this a usage input?"
            )
        }
        // With no line break at all, the error comes as soon as the limit is passed.
        #expect(
            Usage.error(String(repeating: "x", count: 500), limits: limits, chunkSize: 7)?.hasPrefix("<stdin>:1:1:")
                == true)
    }

    @Test func callListsKeepTheirBehaviourAcrossChunks() throws {
        let text =
            "\u{FEFF}# recorded\r\nGET /v3/catalog/products\r\n\rpost https://api.bigcommerce.com/stores/abc/v2/orders?x=1\n"
        let read = try Usage.read(text, chunkSize: 3)
        #expect(read.format == .calls)
        #expect(read.shapes == ["GET API /v3/catalog/products", "POST api.bigcommerce.com /stores/abc/v2/orders"])
        // A lone CR ends a line, as TextLines has it: the POST is on line 4.
        #expect(read.calls.map(\.location.description) == ["<stdin>:2:1", "<stdin>:4:1"])
        #expect(
            Usage.error("GET /v3/orders\nGET /v3/\u{0}x\n")
                == "<stdin>:2:9: error: expected text; the input holds a NUL byte (a binary file?)")
        #expect(
            throws: ScopeLintError.invalid(
                file: "<stdin>", position: TextPosition(line: 1, column: 9),
                message: "expected UTF-8 text; the input has bytes that are not UTF-8")
        ) { try Usage.read(bytes: Array("GET /v3/".utf8) + [0xFF] + Array("x\n".utf8)) }
    }

    @Test func directoriesAndMissingFilesAreUnreadable() {
        #expect(
            throws: ScopeLintError.unreadable(
                file: NSTemporaryDirectory(), reason: "it is a directory, expected a file")
        ) {
            try Usage.read(file: NSTemporaryDirectory())
        }
        #expect(throws: ScopeLintError.unreadable(file: "/nonexistent/usage.log", reason: "no such file")) {
            try Usage.read(file: "/nonexistent/usage.log")
        }
    }

    @Test func aFIFOStreamsAndOneNobodyWritesToReadsAsEmpty() throws {
        let folder = try temporaryDirectory("usage-fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("access.log").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(try Usage.read(file: path).records.isEmpty)
        // Written and closed while a reader holds it open, the bytes wait in the FIFO.
        let holder = Foundation.open(path, O_RDONLY | O_NONBLOCK)
        defer { close(holder) }
        let writer = Foundation.open(path, O_WRONLY)
        let bytes = Array(Self.log.utf8)
        #expect(bytes.withUnsafeBytes { Foundation.write(writer, $0.baseAddress, $0.count) } == bytes.count)
        close(writer)
        #expect(
            try Usage.read(file: path, chunkSize: 7).records == Usage.read(Self.log).records.map(Self.moved(to: path)))
    }

    /// The record with its location's file renamed: the same lines read from another input.
    static func moved(to file: String) -> (UsageRecord) -> UsageRecord {
        {
            switch $0 {
            case .call(var call):
                call.location.file = file
                return .call(call)
            case .unreadable(var location, let what):
                location.file = file
                return .unreadable(location, what: what)
            }
        }
    }

    @Test func emptyInputsReadNoRecords() throws {
        #expect(try Usage.read("").records.isEmpty)
        #expect(try Usage.read("\n  \n# nothing yet\n").records.isEmpty)
        #expect(try Usage.read("", from: .har).format == .har)
    }
}
