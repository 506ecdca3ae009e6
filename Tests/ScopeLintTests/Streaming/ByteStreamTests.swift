import Foundation
import Testing

@testable import ScopeLint

/// `ByteStream` buffers small writes and sends large blocks straight to its descriptor;
/// `AtomicFile` streams into a temporary file and renames it over the target. Whatever the
/// mix of writes, the bytes that arrive must be exactly the bytes written, in order.
@Suite("Streaming: byte stream and atomic file")
struct StreamingByteStreamTests {
    enum Piece {
        case text(String)
        case bytes([UInt8])
        case singleBytes([UInt8])

        var expected: [UInt8] {
            switch self {
            case .text(let text): Array(text.utf8)
            case .bytes(let bytes), .singleBytes(let bytes): bytes
            }
        }
    }

    /// A seeded mix of writes of every size around the stream's thresholds (a quarter block goes
    /// straight out; a full block flushes), of each kind, more than `minimum` bytes in all.
    static func script(seed: UInt64, minimum: Int = (1 << 20) + 12_345, pieceCount: Int = 40) -> [Piece] {
        var random = TestSupport.SeededGenerator(seed: seed)
        let block = ByteStream.blockSize
        let sizes = [
            0, 1, 2, 7, 8, 63, 64, 65, 4095, 4096, block / 4 - 1, block / 4, block / 4 + 1, block - 1, block, block + 1,
            1 << 20,
        ]
        var pieces: [Piece] = []
        var total = 0
        var counter: UInt8 = 0
        func nextBytes(_ count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            for index in 0..<count {
                counter = counter == 255 ? 1 : counter + 1
                bytes[index] = counter
            }
            return bytes
        }
        while total < minimum || pieces.count < pieceCount {
            let size = sizes.randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                // UTF-8 text of `size` bytes rounded up to whole characters, multi-byte ones included.
                let pattern = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZé😀".utf8)
                let repeats = (size + pattern.count - 1) / pattern.count
                let text = String(
                    decoding: Array([[UInt8]](repeating: pattern, count: repeats).joined()), as: UTF8.self)
                pieces.append(.text(text))
                total += text.utf8.count
            case 1:
                pieces.append(.bytes(nextBytes(size)))
                total += size
            default:
                // Byte by byte, but not a megabyte of calls.
                let capped = min(size, block + 3)
                pieces.append(.singleBytes(nextBytes(capped)))
                total += capped
            }
        }
        return pieces
    }

    static func play(_ pieces: [Piece], into stream: ByteStream) {
        for piece in pieces {
            switch piece {
            case .text(let text): stream.write(trusted: text)
            case .bytes(let bytes): bytes.withUnsafeBufferPointer { stream.write($0) }
            case .singleBytes(let bytes): for byte in bytes { stream.write(byte: byte) }
            }
        }
    }

    static func expected(_ pieces: [Piece]) -> [UInt8] {
        var bytes: [UInt8] = []
        for piece in pieces { bytes.append(contentsOf: piece.expected) }
        return bytes
    }

    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool { TestSupport.same(a, b) }

    final class Box: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    @Test(
        "a pipe receives exactly the bytes written, over a megabyte in pieces of every size and kind", arguments: 0..<4)
    func pipe(_ seed: Int) throws {
        let pieces = Self.script(seed: UInt64(seed))
        var ends: [Int32] = [0, 0]
        #expect(Foundation.pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        // The pipe holds 64 KiB: read it on another thread while the stream writes.
        let received = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            received.bytes = TestSupport.readAll(readEnd)
            done.signal()
        }.start()
        var failed = true
        do {
            let stream = ByteStream(descriptor: writeEnd)
            Self.play(pieces, into: stream)
            stream.flush()
            failed = stream.failed
        }
        close(writeEnd)
        done.wait()
        close(readEnd)
        #expect(!failed)
        let expected = Self.expected(pieces)
        #expect(expected.count > 1 << 20)
        #expect(received.bytes.count == expected.count)
        let same = Self.same(received.bytes, expected)
        #expect(same, "the pipe received different bytes")
    }

    @Test(
        "a file receives exactly the bytes written; what is pending is flushed when the stream goes away",
        arguments: [false, true])
    func file(_ flushExplicitly: Bool) throws {
        let pieces = Self.script(seed: flushExplicitly ? 11 : 12)
        let folder = try temporaryDirectory("bytestream")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.bin").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        do {
            let stream = ByteStream(descriptor: descriptor)
            Self.play(pieces, into: stream)
            // Something small pending at the end either way.
            stream.write("tail")
            if flushExplicitly { stream.flush() }
            #expect(!stream.failed)
        }
        close(descriptor)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let same = Self.same(written, Self.expected(pieces) + Array("tail".utf8))
        #expect(same, "the file holds \(written.count) bytes, not the ones written")
    }

    @Test("a stream kept in memory keeps exactly the bytes written")
    func memory() {
        let pieces = Self.script(seed: 3)
        let stream = ByteStream()
        Self.play(pieces, into: stream)
        let expected = Self.expected(pieces)
        let same = Self.same(stream.bytes, expected)
        #expect(same, "kept \(stream.bytes.count) bytes, not the \(expected.count) written")
        // `text` decodes what was kept (raw pieces are not UTF-8). Compared as bytes: String
        // equality normalizes, which takes seconds on a megabyte.
        let text = Self.same(Array(stream.text.utf8), Array(String(decoding: expected, as: UTF8.self).utf8))
        #expect(text, "text is not the kept bytes decoded")
    }

    @Test("a failing descriptor sets failed, and the stream stops writing", arguments: ["/dev/full", "read-only"])
    func failure(_ kind: String) throws {
        let folder = try temporaryDirectory("bytestream-fail")
        defer { try? FileManager.default.removeItem(at: folder) }
        let descriptor: Int32
        if kind == "/dev/full" {
            try #require(FileManager.default.fileExists(atPath: "/dev/full"))
            descriptor = open("/dev/full", O_WRONLY)
        } else {
            let path = folder.appendingPathComponent("r.bin").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            descriptor = open(path, O_RDONLY)
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let stream = ByteStream(descriptor: descriptor)
        stream.write("small")
        #expect(!stream.failed, "nothing has reached the descriptor yet")
        stream.flush()
        #expect(stream.failed)
        Self.play(Self.script(seed: 5, minimum: 1 << 20), into: stream)
        stream.flush()
        #expect(stream.failed)
    }

    @Test("AtomicFile writes the whole stream to the file and leaves no temporary file", arguments: [false, true])
    func atomicWrite(_ replacing: Bool) throws {
        let folder = try temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.json").path
        let old = Array("old report\n".utf8)
        if replacing { try Data(old).write(to: URL(fileURLWithPath: path)) }
        let pieces = Self.script(seed: replacing ? 21 : 22)
        var seenDuring: [UInt8]?
        var looked = false
        var filesDuring: [String] = []
        try AtomicFile.write(to: path) { stream in
            Self.play(Array(pieces.prefix(pieces.count / 2)), into: stream)
            // Halfway: readers still see the old file (or none), never half of the new one.
            seenDuring = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            looked = true
            filesDuring = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            Self.play(Array(pieces.dropFirst(pieces.count / 2)), into: stream)
        }
        let same = Self.same(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), Self.expected(pieces))
        #expect(same, "the file does not hold the bytes written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
        #expect(looked)
        if replacing { #expect(seenDuring == old) } else { #expect(seenDuring == nil) }
        #expect(
            filesDuring.contains { $0.hasPrefix(".report.json.") },
            "the text should go to a temporary file first: \(filesDuring)")

        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test("writing into a missing folder throws unwritable for that path")
    func missingFolder() throws {
        let folder = try temporaryDirectory("atomic-missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("no/such/folder/report.json").path
        var called = false
        let error = TestSupport.error { () throws(ScopeLintError) in
            try AtomicFile.write(to: path) { _ in called = true }
        }
        guard case .unwritable(let file, let reason) = error else {
            Issue.record("expected .unwritable, got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(!reason.isEmpty)
        #expect(!called, "nothing should be rendered when the file cannot be created")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no").path))
        // The string form too.
        if case .unwritable(path, _)? = TestSupport.error({ () throws(ScopeLintError) in
            try AtomicFile.write("x", to: path)
        }) {
        } else {
            Issue.record("AtomicFile.write(String) into a missing folder should throw .unwritable(\(path))")
        }
    }

    @Test("a target that cannot be replaced (a folder) throws unwritable and leaves no temporary file")
    func cannotReplace() throws {
        let folder = try temporaryDirectory("atomic-replace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let error = TestSupport.error { () throws(ScopeLintError) in
            try AtomicFile.write(to: target.path) { $0.write(trusted: String(repeating: "x", count: 100_000)) }
        }
        guard case .unwritable(let file, _)? = error else {
            Issue.record("expected .unwritable, got \(String(describing: error))")
            return
        }
        #expect(file == target.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }
}
