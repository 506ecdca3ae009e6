import Foundation
import Testing

@testable import ScopeLint

/// `JSONWriter.quoted` skips eight bytes at a time while none needs a look. Whatever the
/// offset of a special character within those eight, the result must be the plain escaper's.
@Suite("Streaming: JSON string escaping")
struct StreamingJSONWriterQuotingTests {
    /// JSON escaping as the report format specifies it, one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = "\""
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
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every character the writer must escape.
    static let specials: [String] =
        ["\"", "\\", "\n", "\r", "\t", "\u{7F}", "\u{2028}", "\u{2029}"]
        + (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }
    /// Characters that must go through as they are, including ones whose UTF-8 starts like
    /// U+2028 (E2 80 ..) or sits next to a special byte value.
    static let passThrough: [String] = [
        "é", "😀", "\u{2027}", "\u{202A}", "\u{2000}", "\u{20AC}", "\u{2FFF}", "\u{80}", "\u{FFFF}",
        "\u{10FFFF}", "\u{E2}", "ß", "字", " ", "!", "#", "[", "]", "~", "/", "'",
        // Same last byte as U+2028/9 (A8/A9), different middle byte.
        "\u{20A9}", "\u{2128}", "\u{20A8}", "\u{2129}",
    ]

    /// Filler of `count` ASCII characters that need no escape: plain, or a sweep through every
    /// such character (bytes just above and below the special ones included).
    static func filler(_ count: Int, varied: Bool, start: Int = 0) -> String {
        guard varied else { return String(repeating: "a", count: count) }
        let allowed = (0x20...0x7E).filter { $0 != 0x22 && $0 != 0x5C }.map { Character(Unicode.Scalar(UInt8($0))) }
        return String((0..<count).map { allowed[(start + $0 * 7) % allowed.count] })
    }

    static func check(
        _ text: String, _ context: @autoclosure () -> String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Bool {
        let got = JSONWriter.quoted(text)
        let want = reference(text)
        if got != want {
            Issue.record(
                "\(context()): quoted(\(text.debugDescription)) is \(got.debugDescription), expected \(want.debugDescription)",
                sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    @Test(
        "each special character at every offset 0..<24, with every tail length, in plain and varied filler",
        arguments: specials)
    func specialAtEveryOffset(_ special: String) {
        var failures = 0
        for offset in 0..<24 {
            for tail in 0...17 {
                for varied in [false, true] {
                    let text =
                        Self.filler(offset, varied: varied) + special + Self.filler(tail, varied: varied, start: offset)
                    if !Self.check(text, "offset \(offset), tail \(tail)") { failures += 1 }
                }
            }
        }
        #expect(failures == 0)
    }

    @Test(
        "non-ASCII (é, 😀, U+2027, U+202A and neighbours of U+2028) at every offset passes through unchanged",
        arguments: passThrough)
    func passThroughAtEveryOffset(_ character: String) {
        var failures = 0
        for offset in 0..<24 {
            for tail in 0...17 {
                let text =
                    Self.filler(offset, varied: offset % 2 == 1) + character + Self.filler(tail, varied: tail % 2 == 0)
                if !Self.check(text, "offset \(offset), tail \(tail)") { failures += 1 }
                // Unchanged means: the writer's output is the text itself, quoted.
                if character.unicodeScalars.allSatisfy({
                    $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "\\" && $0.value != 0x2028
                        && $0.value != 0x2029
                }) {
                    #expect(JSONWriter.quoted(text) == "\"" + text + "\"")
                }
            }
        }
        #expect(failures == 0)
    }

    @Test("two characters that need a look, at every pair of offsets under 24")
    func pairs() {
        let interesting = [
            "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "😀", "\u{2027}", "\u{202A}",
        ]
        var failures = 0
        var checked = 0
        for first in interesting {
            for second in interesting {
                for i in 0..<24 {
                    for j in i..<24 {
                        let text =
                            Self.filler(i, varied: false) + first + Self.filler(j - i, varied: true) + second
                            + Self.filler(24 - j, varied: false)
                        if !Self.check(
                            text, "\(first.debugDescription) at \(i), \(second.debugDescription) after \(j - i) more")
                        {
                            failures += 1
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(failures == 0)
        #expect(checked == interesting.count * interesting.count * 300)
    }

    @Test("random strings, short and long, agree with the reference", arguments: 0..<8)
    func random(_ seed: Int) {
        var random = TestSupport.SeededGenerator(seed: UInt64(seed))
        let alphabet: [String] = Self.specials + Self.passThrough + Array(repeating: "a", count: 40) + ["Z", "0", " "]
        var failures = 0
        for _ in 0..<400 {
            let length = Int.random(in: 0..<(seed == 7 ? 5000 : 90), using: &random)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            if !Self.check(text, "seed \(seed)") { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test("the empty string, only specials, and a megabyte with specials sprinkled through")
    func edges() {
        #expect(JSONWriter.quoted("") == "\"\"")
        _ = Self.check(String(repeating: "\"", count: 33), "quotes")
        _ = Self.check(String(repeating: "\u{2028}", count: 17), "line separators")
        _ = Self.check(Self.specials.joined(), "all specials")
        var large = ""
        for index in 0..<40_000 {
            large +=
                Self.filler(index % 29, varied: index % 3 == 0) + Self.specials[index % Self.specials.count]
                + Self.passThrough[index % Self.passThrough.count]
        }
        #expect(large.utf8.count > 1 << 20 / 2)
        _ = Self.check(large, "large")
    }

    @Test("keys and values written by the writer are escaped the same way")
    func throughTheWriter() {
        let key = "k\"ey\u{2028}" + Self.filler(13, varied: true)
        let value = Self.filler(7, varied: false) + "\u{7F}\t😀" + Self.filler(9, varied: true) + "\\"
        var writer = JSONWriter()
        writer.beginObject()
        writer.field(key, value)
        writer.beginArray("list")
        writer.element(value)
        writer.endArray()
        writer.endObject()
        let expected =
            "{\n  \(Self.reference(key)): \(Self.reference(value)),\n  \"list\": [\n    \(Self.reference(value))\n  ]\n}"
        #expect(writer.output == expected)
    }
}
