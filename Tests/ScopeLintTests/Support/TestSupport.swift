import Foundation
import Testing

@testable import ScopeLint

/// Shared pieces of the generated-input suites: a seeded generator, the naive line/column count
/// every fast position path is checked against, and JSON trivia that exercises it.
enum TestSupport {
    typealias SeededGenerator = ScopeLint.SeededGenerator

    /// Where `offset` is, counted the slow and obvious way: 1-based line (one per LF); the
    /// column is the number of Unicode scalars between the line's start and `offset`, plus 1.
    static func naivePosition(_ bytes: [UInt8], _ offset: Int) -> TextPosition {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return TextPosition(line: line, column: column)
    }

    /// Whitespace and comments JSON5 allows between tokens, chosen to cross every position
    /// path: long runs of spaces (skipped eight at a time), line breaks with and without CR,
    /// blank lines, tabs, no-break spaces (two bytes, one column), comments holding UTF-8.
    static func trivia(_ random: inout SeededGenerator, allowComments: Bool = true) -> String {
        switch Int.random(in: 0..<(allowComments ? 16 : 13), using: &random) {
        case 0, 1: return ""
        case 2: return " "
        case 3: return "\n" + String(repeating: " ", count: Int.random(in: 0..<40, using: &random))
        case 4: return "\r\n" + String(repeating: " ", count: Int.random(in: 0..<20, using: &random))
        case 5: return "\n\n\n" + String(repeating: "\t", count: Int.random(in: 0..<3, using: &random))
        case 6: return String(repeating: " ", count: Int.random(in: 7..<30, using: &random))
        case 7: return "\t"
        case 8: return "\u{A0}"
        case 9: return " \u{0B}\u{0C} "
        case 10: return "\r\n\r\n"
        case 11: return "\n" + String(repeating: " ", count: 8 * Int.random(in: 1..<5, using: &random))
        case 12: return "  \t \n   \t"
        case 13: return "// comment é 😀 \(Int.random(in: 0..<1000, using: &random))\n"
        case 14: return "/* block\n ü € \r\n comment */"
        default: return " /* x */ "
        }
    }

    /// Byte buffers compared with memcmp: a debug build compares megabytes element by element
    /// slowly, and `#expect(a == b)` would print both megabytes when they differ.
    /// Everything readable from `descriptor` until end of file (pipes, /proc files).
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    static func same(_ a: some ContiguousBytes, _ b: some ContiguousBytes) -> Bool {
        a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    /// Runs `body` and returns the `ScopeLintError` it throws (nil when it throws nothing).
    static func error(_ body: () throws(ScopeLintError) -> Void) -> ScopeLintError? {
        do throws(ScopeLintError) {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// Runs `body` with the read end of a pipe that a thread fills with `bytes`, then reads what
    /// `body` left, so the writer always finishes (and never meets a closed pipe). Gives back
    /// how many bytes `body` read.
    @discardableResult
    static func withPipe(writing bytes: [UInt8], _ body: (Int32) throws -> Void) rethrows -> Int {
        var ends: [Int32] = [-1, -1]
        precondition(pipe(&ends) == 0)
        let (reading, writing) = (ends[0], ends[1])
        let writer = Thread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Foundation.write(writing, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
            close(writing)
        }
        writer.start()
        defer { close(reading) }
        try body(reading)
        return bytes.count - readAll(reading).count
    }

    /// A file in a fresh scratch folder holding `bytes`; the caller removes the folder.
    static func writeScratchFile(_ bytes: [UInt8], name: String, label: String) throws -> (folder: URL, path: String) {
        let folder = try temporaryDirectory(label)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return (folder, url.path)
    }
}
