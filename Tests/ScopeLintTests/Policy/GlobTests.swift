import Foundation
import Testing

@testable import ScopeLint

/// `Glob` matches ASCII names over their bytes, folded as read, and everything else over
/// lower-cased Characters. Both must answer as shell-style matching over lower-cased
/// Characters does: `*` any run, `?` one Character, case ignored.
@Suite("Policies: glob matching of account names")
struct GlobTests {
    /// Shell-style matching by dynamic programming over Characters: slow, obviously right.
    static func reference(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        // matches[i][j]: p[i...] matches t[j...]
        var matches = Array(repeating: Array(repeating: false, count: t.count + 1), count: p.count + 1)
        matches[p.count][t.count] = true
        for i in stride(from: p.count - 1, through: 0, by: -1) {
            for j in stride(from: t.count, through: 0, by: -1) {
                if p[i] == "*" {
                    matches[i][j] = matches[i + 1][j] || (j < t.count && matches[i][j + 1])
                } else if j < t.count, p[i] == "?" || p[i] == t[j] {
                    matches[i][j] = matches[i + 1][j + 1]
                }
            }
        }
        return matches[0][0]
    }

    static let patterns = [
        "*", "?", "??", "*Stone Edge*", "Modern Retail*", "a*b*c", "CSM*", "*integrator.io*", "***", "*?", "?*", "*a",
        "a*", "",
        // Literal `*` and `?` in the text: a pattern has no escape, so these are wildcards.
        "a*", "\\*", "*\\*", "a?b", "*\\**",
        // Non-ASCII patterns and patterns meant for non-ASCII names.
        "Müller*", "*ÜLLER*", "M?ller Sync", "*ü*", "STRASSE*", "Straße*", "İ*", "*😀*", "?😀",
        // Line breaks: "\r\n" is one Character.
        "line?break", "line??break", "*\r\n*", "line\r\nbreak", "*\n*", "*\r*", "?\n", "\r?",
        "Modern Retail Integration ?", "CSM Business Central*", "*business central", "STONE EDGE ORDER MANAGER",
        // Both ends of the letters folded by the byte path (A and Z), and the bytes just outside them.
        "ZAPIER", "zap*", "*IER", "A*", "[*]", "@*", "`*", "{*}",
    ]

    static let names = [
        "Stone Edge Order Manager", "STONE EDGE", "stone edgy", "Stone Edge", "Modern Retail Integration 2",
        "modern retail", "MODERN RETAIL",
        "abc", "aXbYc", "acb", "ab", "a", "", "*", "a*", "a*b", "?", "a?b", "a\\*", "\\*",
        "CSM Business Central", "csm", "Celigo integrator.io", "Celigo Integrator.IO v2",
        "Müller Sync", "MÜLLER SYNC", "Muller Sync", "Mueller Sync", "Straße", "STRASSE", "strasse", "İstanbul",
        "istanbul", "😀", "x😀", "e\u{301}",
        "line\r\nbreak", "line\nbreak", "line\rbreak", "line\n\rbreak", "\r\n", "\r", "\n", "line\r\n\r\nbreak",
        "Modern Retail Integration 7", "Modern Retail Integration 77", "tab\there", "Zapier", "zapier", "ZAPIER",
        "[brackets]",
        "@at", "`tick", "{brace}", "Apple", "apple",
    ]

    @Test("every pattern against every name of the table", arguments: patterns)
    func table(_ pattern: String) {
        for name in Self.names {
            let expected = Self.reference(pattern, name)
            #expect(
                Glob.matches(pattern, name) == expected, "\(pattern.debugDescription) against \(name.debugDescription)")
            // The compiled form the policy matcher keeps gives the same answer.
            #expect(Glob.Pattern(pattern).matches(Glob.Text(name)) == expected)
        }
    }

    @Test("the table's answers include matches and misses on both paths")
    func tableIsMeaningful() {
        var asciiMatches = 0
        var asciiMisses = 0
        var otherMatches = 0
        var otherMisses = 0
        for pattern in Self.patterns {
            for name in Self.names {
                let ascii = pattern.utf8.allSatisfy { $0 < 0x80 } && Glob.Text(name).isASCII
                switch (ascii, Self.reference(pattern, name)) {
                case (true, true): asciiMatches += 1
                case (true, false): asciiMisses += 1
                case (false, true): otherMatches += 1
                case (false, false): otherMisses += 1
                }
            }
        }
        #expect(asciiMatches > 50 && asciiMisses > 50 && otherMatches > 20 && otherMisses > 50)
    }

    @Test("random small patterns and names over ASCII, mixed case, non-ASCII and CRLF alphabets", arguments: 0..<6)
    func random(_ seed: Int) {
        var random = TestSupport.SeededGenerator(seed: UInt64(seed) &* 7919)
        let alphabets: [(pattern: [String], text: [String])] = [
            (["a", "b", "*", "?"], ["a", "b"]),
            (["a", "B", "*", "?", "z", "Z", "@", "["], ["A", "b", "a", "Z", "z", "@", "[", "`", "{"]),
            (["ü", "Ü", "a", "*", "?"], ["ü", "Ü", "a", "u"]),
            (["a", "\r\n", "\r", "\n", "*", "?"], ["a", "\r", "\n", "\r\n"]),
            (["*", "?", "x", "X", "*", "é"], ["x", "X", "é", "É", "e\u{301}"]),
            (["s", "S", "ß", "*", "?"], ["s", "S", "ß", "ẞ"]),
        ]
        let (patternAlphabet, textAlphabet) = alphabets[seed]
        var failures = 0
        for _ in 0..<3000 {
            let pattern = (0..<Int.random(in: 0...7, using: &random)).map { _ in
                patternAlphabet.randomElement(using: &random)!
            }.joined()
            let name = (0..<Int.random(in: 0...9, using: &random)).map { _ in
                textAlphabet.randomElement(using: &random)!
            }.joined()
            if Glob.matches(pattern, name) != Self.reference(pattern, name) {
                failures += 1
                Issue.record(
                    "\(pattern.debugDescription) against \(name.debugDescription): Glob says \(Glob.matches(pattern, name))"
                )
                if failures > 10 { return }
            }
        }
    }
}
