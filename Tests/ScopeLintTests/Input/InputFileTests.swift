import Foundation
import Testing

@testable import ScopeLint

/// `InputFile.open` reads every kind of input with read(2) into memory of its own (never a
/// mapping, which a truncated file turns into SIGBUS), bounded by the size limit, and the
/// streaming reader hands pages back behind it with `release(before:)`. The bytes must be
/// those written, and every failure must be `read`'s failure.
@Suite("Input files: reading, release and limits")
struct InputFileTests {
    /// Bytes no run of zeros or repeated page could pass for: a page the system refills with
    /// zeros (or the wrong page) shows.
    static func noise(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = TestSupport.SeededGenerator(seed: seed)
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for index in words.indices { words[index] = random.next() | 0x0101_0101_0101_0101 }
        }
        return bytes
    }

    /// A /proc file read to its end (their size reads as 0, so read until read(2) says so).
    static func procFile(_ path: String) -> String? {
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return String(decoding: TestSupport.readAll(descriptor), as: UTF8.self)
    }

    /// The lines of /proc/self/maps naming `path` (Linux only; empty elsewhere).
    static func mappings(of path: String) -> [String] {
        guard let maps = procFile("/proc/self/maps") else { return [] }
        return maps.split(separator: "\n").filter { $0.hasSuffix(" " + path) }.map(String.init)
    }

    static func realPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

    /// How many of the whole pages in `range` of `input` are resident (`mincore`).
    static func residentPages(_ input: InputBytes, _ range: Range<Int>) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: input.buffer.baseAddress!)
        let start = (address + range.lowerBound + page - 1) / page * page
        let end = (address + range.upperBound) / page * page
        guard end > start else { return 0 }
        var vector = [UInt8](repeating: 0, count: (end - start) / page)
        #expect(mincore(UnsafeMutableRawPointer(bitPattern: start), end - start, &vector) == 0)
        return vector.filter { $0 & 1 == 1 }.count
    }

    @Test(
        "a regular file is read into memory of its own, never mapped, with the bytes written",
        arguments: [0, 1, 7, 4095, 4096, 4097, 100_000])
    func owned(_ size: Int) throws {
        let bytes = Self.noise(size, seed: UInt64(size))
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "export.json", label: "owned")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try InputFile.open(path)
        #expect(input.count == size)
        let sameAsWritten = TestSupport.same(input.array, bytes)
        #expect(sameAsWritten, "the bytes read are not the file's")
        #if os(Linux)
            #expect(Self.mappings(of: Self.realPath(path)).isEmpty, "the file is mapped")
        #endif
        withExtendedLifetime(input) {}
    }

    @Test("a file cut short or rewritten after it was opened keeps the bytes read (a mapping would end in SIGBUS)")
    func truncatedAfterOpen() throws {
        let bytes = Self.noise(256 << 10, seed: 3)
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "export.json", label: "truncated")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try InputFile.open(path)
        #expect(truncate(path, 0) == 0)
        var sum: UInt64 = 0
        for index in stride(from: 0, to: input.count, by: 4096) { sum &+= UInt64(input.buffer[index]) }
        #expect(sum > 0)
        let unchanged = TestSupport.same(input.array, bytes)
        #expect(unchanged, "the bytes changed with the file")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        let stillUnchanged = TestSupport.same(input.array, bytes)
        #expect(stillUnchanged)
    }

    @Test("release(before:) hands back the pages behind and leaves those ahead unchanged, only when asked to")
    func releaseOwned() throws {
        let count = 1 << 20
        let bytes = Self.noise(count, seed: 20)
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "fleet.json", label: "release")
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = try InputFile.open(path)
        kept.releaseStep = 16 << 10
        kept.release(before: count)
        let keptUnchanged = TestSupport.same(kept.array, bytes)
        #expect(keptUnchanged, "bytes not read once were handed back")

        let input = try InputFile.open(path)
        input.releasesBehind = true
        input.releaseStep = 16 << 10
        // Read through it as the reader does, handing back behind, at unaligned offsets too.
        var offset = 0
        while offset < count {
            let end = min(count, offset + (32 << 10) + 1_234)
            let ahead = TestSupport.same(Array(input.buffer[offset..<count]), bytes[offset..<count])
            #expect(ahead, "bytes ahead of \(offset) changed")
            input.release(before: end)
            offset = end
        }
        #if os(Linux)
            #expect(Self.residentPages(input, 0..<count) < count / 4096 / 4, "the pages behind are still resident")
            #expect(Self.residentPages(kept, 0..<count) >= count / 4096 - 1)
        #endif
    }

    @Test("after pages are handed back, an error that steps back counts its line from the last store, not the top")
    func positionAfterRelease() throws {
        let limits = Limits(inputSize: 1 << 20, stringLength: 1 << 10)
        var text = "{\"stores\": [\n"
        for index in 0..<300 {
            text += "  {\"store_hash\": \"s\(index)\",\n   \"accounts\": [{\"name\": \"A\", \"scopes\": \"\"}]},\n"
        }
        let longAt = text.utf8.count + 17  // the opening quote
        text += "  {\"store_hash\": \"" + String(repeating: "h", count: 2 << 10) + "\", \"accounts\": []}\n]}\n"
        let bytes = Array(text.utf8)
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "fleet.json", label: "position")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try InputFile.open(path)
        input.releasesBehind = true
        input.releaseStep = 4096
        let error = TestSupport.error { () throws(ScopeLintError) in
            try InputFormat.stream(input, file: path, options: ReadOptions(limits: limits)) { _ in }
        }
        let position = TestSupport.naivePosition(bytes, longAt)
        #expect(position.column == 18 && position.line == 602)
        guard case .invalid(_, let at?, let message) = error else {
            Issue.record("expected a located error, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("a string longer than 1 KiB"))
        #expect(at == position)

        // An error that steps back counts again from the last store the reader forgot before,
        // never over the bytes before it (zeros here, as handed-back pages read).
        let forgotten = bytes.count / 2
        var copy = bytes
        copy.withUnsafeMutableBufferPointer { buffer in
            var reader = JSONReader(bytes: UnsafeBufferPointer(buffer), file: path)
            reader.forget(before: forgotten)
            _ = reader.position(at: longAt)
            UnsafeMutableBufferPointer(rebasing: buffer[0..<forgotten]).update(repeating: 0)
            #expect(reader.position(at: forgotten + 10) == TestSupport.naivePosition(bytes, forgotten + 10))
        }
    }

    /// What `read` and `open` do with a path: bytes, or the error.
    enum Opened: Equatable {
        case bytes([UInt8])
        case error(ScopeLintError)
    }

    static func read(_ path: String, standardInput: [UInt8] = []) -> Opened {
        do throws(ScopeLintError) {
            return .bytes(try InputFile.read(path) { _ in InputBytes(copying: standardInput) })
        } catch {
            return .error(error)
        }
    }

    static func open(_ path: String, limit: Int = Limits.standard.inputSize, standardInput: [UInt8] = []) -> Opened {
        do throws(ScopeLintError) {
            return .bytes(try InputFile.open(path, limit: limit) { _ in InputBytes(copying: standardInput) }.array)
        } catch {
            return .error(error)
        }
    }

    @Test("an empty file, a directory, a missing file, a device and standard input: open answers as read does")
    func sameAnswers() throws {
        let folder = try temporaryDirectory("open-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let directory = folder.appendingPathComponent("a-folder.json").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let missing = folder.appendingPathComponent("missing.json").path

        #expect(Self.open(empty) == .bytes([]))
        #expect(Self.open(empty) == Self.read(empty))
        #expect(
            Self.open(directory) == .error(.unreadable(file: directory, reason: "it is a directory, expected a file")))
        #expect(Self.open(directory) == Self.read(directory))
        #expect(Self.open(missing) == .error(.unreadable(file: missing, reason: "no such file")))
        #expect(Self.open(missing) == Self.read(missing))
        if FileManager.default.fileExists(atPath: "/dev/null") {
            #expect(Self.open("/dev/null") == Self.read("/dev/null"))
        }
        let standardInput = Array("{\"stores\": []}".utf8)
        #expect(Self.open("-", standardInput: standardInput) == .bytes(standardInput))
        #expect(Self.open("-", standardInput: standardInput) == Self.read("-", standardInput: standardInput))

        // The same errors reach the user: streaming an empty input fails as reading it whole does.
        let streamed = TestSupport.error { () throws(ScopeLintError) in
            try InputFormat.stream(try InputFile.open(empty), file: empty) { _ in }
        }
        let whole = TestSupport.error { () throws(ScopeLintError) in
            _ = try InputFormat.read(try InputFile.read(empty), file: empty)
        }
        #expect(streamed != nil)
        #expect(streamed == whole)
    }

    // Root reads any file: nothing to test there.
    @Test("a file without read permission fails as read does", .enabled(if: getuid() != 0))
    func permissionDenied() throws {
        let (folder, path) = try TestSupport.writeScratchFile(
            Array("{}".utf8), name: "secret.json", label: "denied")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        #expect(Self.open(path) == Self.read(path))
        if case .bytes = Self.open(path) { Issue.record("an unreadable file was read") }
    }

    @Test("the size limit holds for a file, a pipe, a device and standard input: one byte over is refused")
    func sizeLimit() throws {
        let folder = try temporaryDirectory("size-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let limit = 4 << 10
        func file(_ name: String, _ size: Int) throws -> String {
            let path = folder.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(count: size)))
            return path
        }
        func tooLarge(_ file: String) -> Opened {
            .error(
                .invalid(
                    file: file, position: nil,
                    message: "the input is larger than 4 KiB, the most scopelint reads; split the export by store"))
        }
        let over = try file("over.json", limit + 1)
        #expect(Self.open(over, limit: limit) == tooLarge(over))
        #expect(Self.open(try file("limit.json", limit), limit: limit) == .bytes([UInt8](repeating: 0, count: limit)))
        // A pipe and a device have no size to check first: they are read until one byte over.
        // Four times the limit is written; the writer is drained after.
        TestSupport.withPipe(writing: [UInt8](repeating: 0x20, count: 4 * limit)) { descriptor in
            #expect(Self.open("/dev/fd/\(descriptor)", limit: limit) == tooLarge("/dev/fd/\(descriptor)"))
        }
        TestSupport.withPipe(writing: [UInt8](repeating: 0x20, count: limit)) { descriptor in
            #expect(Self.open("/dev/fd/\(descriptor)", limit: limit) == .bytes([UInt8](repeating: 0x20, count: limit)))
        }
        #expect(Self.open("/dev/zero", limit: limit) == tooLarge("/dev/zero"))
        TestSupport.withPipe(writing: [UInt8](repeating: 0x20, count: 4 * limit)) { descriptor in
            let error = TestSupport.error { () throws(ScopeLintError) in
                _ = try InputFile.read(descriptor: descriptor, file: "<stdin>", limit: limit)
            }
            #expect(error.map(Opened.error) == tooLarge("<stdin>"))
        }
    }

    @Test("a FIFO is read whole; one nobody writes to reads as empty instead of waiting forever")
    func fifo() throws {
        let folder = try temporaryDirectory("fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("export.json").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(Self.open(path) == .bytes([]))
        // Written and closed while a reader holds it open, the bytes wait in the FIFO.
        let holder = Foundation.open(path, O_RDONLY | O_NONBLOCK)
        defer { close(holder) }
        let writer = Foundation.open(path, O_WRONLY)
        let bytes = Array("{\"stores\": []}".utf8)
        #expect(bytes.withUnsafeBytes { Foundation.write(writer, $0.baseAddress, $0.count) } == bytes.count)
        close(writer)
        #expect(Self.open(path) == .bytes(bytes))
    }
}
