import Foundation
import Testing

@testable import ScopeLint

/// `InputFile.open` maps regular files (`InputBytes`) and the streaming reader hands pages
/// back behind it with `release(before:)`. The bytes must be those `InputFile.read` gives,
/// before and after pages are handed back, and every failure must be `read`'s failure.
@Suite("Input files: mapping, release and limits")
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

    /// Resident kilobytes of the mapping of `path` (from /proc/self/smaps), nil if not found.
    static func residentKilobytes(of path: String) -> Int? {
        guard let smaps = procFile("/proc/self/smaps") else { return nil }
        var inMapping = false
        var total: Int?
        for line in smaps.split(separator: "\n") {
            let range = line.split(separator: " ", maxSplits: 1).first ?? ""
            if range.contains("-"), range.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                inMapping = line.hasSuffix(" " + path)
            } else if inMapping, line.hasPrefix("Rss:") {
                let kilobytes = Int(line.split(separator: " ")[1]) ?? 0
                total = (total ?? 0) + kilobytes
            }
        }
        return total
    }

    static func realPath(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

    @Test(
        "a regular file is mapped, holds the bytes InputFile.read gives, and is unmapped when released",
        arguments: [1, 7, 8, 4095, 4096, 4097, 100_000])
    func mapped(_ size: Int) throws {
        let bytes = Self.noise(size, seed: UInt64(size))
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "export.json", label: "mapped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = Self.realPath(path)
        do {
            let input = try InputFile.open(path)
            #expect(input.count == size)
            let read = try InputFile.read(path)
            let sameAsRead = TestSupport.same(input.array, read)
            let sameAsWritten = TestSupport.same(input.array, bytes)
            #expect(sameAsRead, "open and read give different bytes")
            #expect(sameAsWritten, "the mapped bytes are not the file's")
            #if os(Linux)
                #expect(Self.mappings(of: real).count == 1, "the file should be mapped, not copied")
            #endif
            withExtendedLifetime(input) {}
        }
        #if os(Linux)
            #expect(Self.mappings(of: real).isEmpty, "the mapping should end with the InputBytes")
        #endif
    }

    @Test("release(before:) on a mapped file leaves every byte readable and unchanged")
    func releaseMapped() throws {
        let count = 640 << 10
        let bytes = Self.noise(count, seed: 20)
        let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "fleet.json", label: "release")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try InputFile.open(path)
        input.releaseStep = 16 << 10
        #expect(input.count == count)
        // Read through it as the reader does, handing back behind, at unaligned offsets too.
        var offset = 0
        var step = 0
        while offset < count {
            // Touch what is ahead, then hand back what is behind.
            let end = min(count, offset + (32 << 10) + 1_234)
            #expect(input.buffer[offset] == bytes[offset] && input.buffer[end - 1] == bytes[end - 1])
            input.release(before: end)
            offset = end
            step += 1
        }
        input.release(before: count)
        input.release(before: count)  // again: nothing left to hand back
        let unchanged = TestSupport.same(input.array, bytes)
        #expect(unchanged, "bytes changed after pages were handed back")
        // Released twice over, bytes are still there (read back from the file).
        input.release(before: count)
        let stillUnchanged = TestSupport.same(Array(input.buffer), bytes)
        #expect(stillUnchanged)
        #expect(step > 10)
    }

    #if os(Linux)
        @Test("release(before:) hands the pages behind back (the mapping's resident size drops)")
        func releaseDropsPages() throws {
            let count = 1 << 20
            let bytes = Self.noise(count, seed: 24)
            let (folder, path) = try TestSupport.writeScratchFile(bytes, name: "fleet.json", label: "resident")
            defer { try? FileManager.default.removeItem(at: folder) }
            let real = Self.realPath(path)
            let input = try InputFile.open(path)
            input.releaseStep = 64 << 10
            // Touch every page.
            var sum: UInt64 = 0
            for index in stride(from: 0, to: count, by: 4096) { sum &+= UInt64(input.buffer[index]) }
            #expect(sum > 0)
            let before = try #require(Self.residentKilobytes(of: real))
            #expect(before >= (count >> 10) * 9 / 10, "every page was touched: \(before) kB resident")
            input.release(before: count)
            let after = try #require(Self.residentKilobytes(of: real))
            #expect(after < before / 4, "after release(before: end) \(after) kB are still resident (was \(before) kB)")
            withExtendedLifetime(input) {}
        }
    #endif

    @Test("release(before:) on bytes that are not a mapped file (a copy) changes nothing")
    func releaseCopy() {
        // A large copy lives in anonymous memory, which the system would refill with zeros.
        let bytes = Self.noise(1 << 20, seed: 7)
        let input = InputBytes(copying: bytes)
        input.releaseStep = 4096
        input.release(before: 300 << 10)
        input.release(before: input.count)
        let unchanged = TestSupport.same(input.array, bytes)
        #expect(unchanged, "a copy's bytes changed after release")
    }

    /// What `read` and `open` do with a path: bytes, or the error.
    enum Opened: Equatable {
        case bytes([UInt8])
        case error(ScopeLintError)
    }

    static func read(_ path: String, standardInput: @escaping () -> [UInt8] = { [] }) -> Opened {
        do throws(ScopeLintError) { return .bytes(try InputFile.read(path, standardInput: standardInput)) } catch {
            return .error(error)
        }
    }

    static func open(_ path: String, standardInput: @escaping () -> [UInt8] = { [] }) -> Opened {
        do throws(ScopeLintError) { return .bytes(try InputFile.open(path, standardInput: standardInput).array) } catch
        { return .error(error) }
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
        #expect(Self.open("-", standardInput: { standardInput }) == .bytes(standardInput))
        #expect(Self.open("-", standardInput: { standardInput }) == Self.read("-", standardInput: { standardInput }))

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

    @Test("the size limit: one byte over is refused by open as by read; exactly the limit is mapped")
    func sizeLimit() throws {
        let folder = try temporaryDirectory("size-limit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let limit = 4 << 10
        func file(_ name: String, _ size: Int) throws -> String {
            let path = folder.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(count: size)))
            return path
        }
        let over = try file("over.json", limit + 1)
        let expected = ScopeLintError.invalid(
            file: over, position: nil,
            message: "the input is larger than 4 KiB, the most scopelint reads; split the export by store")
        let read = TestSupport.error { () throws(ScopeLintError) in _ = try InputFile.read(over, limit: limit) }
        let opened = TestSupport.error { () throws(ScopeLintError) in _ = try InputFile.open(over, limit: limit) }
        #expect(read == expected)
        #expect(opened == expected)

        let input = try InputFile.open(try file("limit.json", limit), limit: limit)
        #expect(input.count == limit)
        #expect(input.buffer[0] == 0 && input.buffer[limit - 1] == 0)
    }
}
