import Foundation
import Testing

@testable import ScopeLint

/// `Grants.resolve` reads an entry's spelling-table words (`keyWord`/`levelWord`) instead of
/// looking its text up. Whatever the words, the result must be exactly what the text gives.
@Suite("Streaming: grants from words equal grants from text")
struct StreamingGrantsFastPathTests {
    static let catalog = Catalog.bigCommerce
    static let words = catalog.spellings.words
    static let wordIDs: [Int32] = words.indices.map { Int32($0) }
    /// Words that are level labels (the table precomputes their level for every scope).
    static let levelWordIDs: [Int32] = wordIDs.filter { !words[Int($0)].levels.isEmpty }
    /// Levels no word spells: with a key word, the fast path must fall back to the text lookup.
    static let nonWordLevels = [
        "READ-ONLY", "Read Only", "read_only", "readonly", "MODIFY", "non", "no", "NONE", "", " ", "bogus",
        "FULL", "All", "token-login", "Token Login ", "Create_Preview", "créer", "Manage!", "read-only\n",
    ]

    /// Everything a `Grants` holds, in comparable form. Unknown entries are compared by what
    /// was written and where (their words differ between the paths by construction).
    struct Snapshot: Equatable, CustomStringConvertible {
        struct Unknown: Equatable {
            var key: String
            var level: String?
            var position: TextPosition
        }
        struct Normalized: Equatable {
            var kind: Grants.Normalization.Kind
            var scope: Int
            var written: String
            var readAs: String
            var position: TextPosition
        }
        struct Conflict: Equatable {
            var scope: Int
            var levels: [Int]
            var positions: [TextPosition]
        }

        var levels: [Int]
        var positions: [TextPosition?]
        var unknown: [Unknown]
        var normalized: [Normalized]
        var conflicts: [Conflict]

        init(_ grants: Grants) {
            levels = grants.levels
            positions = grants.positions
            unknown = grants.unknown.map { Unknown(key: $0.key, level: $0.level, position: $0.position) }
            normalized = grants.normalized.map {
                Normalized(
                    kind: $0.kind, scope: $0.scope.index, written: $0.written, readAs: $0.readAs, position: $0.position)
            }
            conflicts = grants.conflicts.map {
                Conflict(scope: $0.scope.index, levels: $0.levels, positions: $0.positions)
            }
        }

        var description: String {
            let granted = levels.enumerated().filter { $0.element != 0 || positions[$0.offset] != nil }.map {
                "\($0.offset)=\($0.element)"
            }
            return
                "levels [\(granted.joined(separator: " "))] unknown \(unknown) normalized \(normalized) conflicts \(conflicts)"
        }
    }

    enum Outcome: Equatable {
        case grants(Snapshot)
        case error(ScopeLintError)
    }

    static func resolve(_ entries: [ScopeEntry]) -> Outcome {
        do throws(ScopeLintError) {
            return .grants(Snapshot(try Grants.resolve(entries, file: "grants.json", catalog: catalog)))
        } catch {
            return .error(error)
        }
    }

    /// The entry as the streaming reader makes it (words set when the catalog spells the text).
    static func fastEntry(key: Int32, level: String?, position: TextPosition) -> ScopeEntry {
        ScopeEntry(
            key: words[Int(key)].text, level: level, position: position, keyWord: key,
            levelWord: level.flatMap { catalog.spellings.lookup($0) } ?? -1)
    }

    /// The same entry with its words cleared: the general path.
    static func slow(_ entry: ScopeEntry) -> ScopeEntry {
        ScopeEntry(key: entry.key, level: entry.level, position: entry.position)
    }

    static func compare(_ fast: [ScopeEntry], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (
        Outcome, Bool
    ) {
        let fastOutcome = resolve(fast)
        let slowOutcome = resolve(fast.map(slow))
        if fastOutcome != slowOutcome {
            let written = fast.map {
                "\($0.key.debugDescription): \($0.level?.debugDescription ?? "nil") (words \($0.keyWord), \($0.levelWord))"
            }
            Issue.record(
                "fast path differs for \(written)\n  fast: \(fastOutcome)\n  slow: \(slowOutcome)",
                sourceLocation: sourceLocation)
            return (fastOutcome, false)
        }
        return (fastOutcome, true)
    }

    @Test("every word as a key, with no level and with every word and non-word as its level", arguments: wordIDs)
    func singleEntries(_ key: Int32) {
        let position = TextPosition(line: 12, column: 5)
        // A bare parameter: no level.
        _ = Self.compare([Self.fastEntry(key: key, level: nil, position: position)])
        var mismatches = 0
        var levelsTried = 0
        for level in Self.wordIDs.map({ Self.words[Int($0)].text }) + Self.nonWordLevels {
            let entry = Self.fastEntry(key: key, level: level, position: position)
            if !Self.compare([entry]).1 { mismatches += 1 }
            levelsTried += 1
        }
        #expect(mismatches == 0)
        #expect(levelsTried == Self.words.count + Self.nonWordLevels.count)
    }

    @Test("every level word gives the level the text lookup gives, for every key that names a scope")
    func everyLevelWordForEveryScope() {
        // The case the brief names: each key word (that resolves to a scope) with each level word.
        var outcomes = 0
        var resolved = 0
        for key in Self.wordIDs where Self.words[Int(key)].scope != nil || Self.words[Int(key)].parameter != nil {
            for level in Self.levelWordIDs {
                let entry = Self.fastEntry(
                    key: key, level: Self.words[Int(level)].text, position: TextPosition(line: 1, column: 1))
                #expect(entry.levelWord == level)
                let (outcome, _) = Self.compare([entry])
                outcomes += 1
                if case .grants = outcome { resolved += 1 }
            }
        }
        // Both branches were exercised: levels that resolve and levels the scope does not have.
        #expect(resolved > 0)
        #expect(resolved < outcomes)
    }

    @Test("an invalid level throws the same error, at the same place, on both paths")
    func invalidLevels() throws {
        let orders = try #require(Self.catalog.spellings.lookup("Orders"))
        let login = try #require(Self.catalog.spellings.lookup("login"))
        let full = try #require(Self.catalog.spellings.lookup("full"))
        let cases: [ScopeEntry] = [
            ScopeEntry(
                key: "Orders", level: "login", position: TextPosition(line: 4, column: 9), keyWord: orders,
                levelWord: login),
            ScopeEntry(
                key: "Orders", level: "full", position: TextPosition(line: 5, column: 9), keyWord: orders,
                levelWord: full),
            ScopeEntry(
                key: "Orders", level: "bogus", position: TextPosition(line: 6, column: 9), keyWord: orders,
                levelWord: -1),
        ]
        for entry in cases {
            let (outcome, _) = Self.compare([entry])
            guard case .error(.invalid(let file, let position, let message)) = outcome else {
                Issue.record("expected an invalid-level error for \(entry.level ?? "nil"), got \(outcome)")
                continue
            }
            #expect(file == "grants.json")
            #expect(position == entry.position)
            #expect(message.hasPrefix("Orders has no level"))
        }
        // The error comes from the first bad entry, after good ones, on both paths.
        let modify = try #require(Self.catalog.spellings.lookup("modify"))
        let good = ScopeEntry(
            key: "Orders", level: "modify", position: TextPosition(line: 2, column: 3), keyWord: orders,
            levelWord: modify)
        let (outcome, _) = Self.compare([good, cases[0], cases[2]])
        #expect(
            outcome
                == .error(
                    .invalid(
                        file: "grants.json", position: cases[0].position,
                        message: "Orders has no level 'login'; expected one of none, read-only, modify")))
    }

    @Test(
        "whole accounts of random entries: levels, positions, unknowns, normalizations and conflicts agree",
        arguments: 0..<300)
    func accounts(_ seed: Int) {
        var random = StreamingSupport.SeededGenerator(seed: UInt64(seed))
        let count = Int.random(in: 1...40, using: &random)
        var entries: [ScopeEntry] = []
        for index in 0..<count {
            let key = Self.wordIDs.randomElement(using: &random)!
            let word = Self.words[Int(key)]
            let scope = word.scope ?? word.parameter?.scope
            var level: String?
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                level = nil
            case 2:
                level = Self.nonWordLevels.randomElement(using: &random)!
            case 3:
                level = Self.words.randomElement(using: &random)!.text
            default:
                // A level this key's scope has, so most accounts resolve and conflicts arise.
                if let scope {
                    let valid = Self.levelWordIDs.filter { Self.words[Int($0)].levels[scope.index] != nil }
                    level = valid.randomElement(using: &random).map { Self.words[Int($0)].text }
                }
            }
            entries.append(
                Self.fastEntry(key: key, level: level, position: TextPosition(line: index + 2, column: 1 + index % 13)))
        }
        _ = Self.compare(entries)
    }

    @Test("one scope spelled every way, at every level, in one account: the same conflicts and highest level")
    func conflicts() {
        var checked = 0
        for scope in Self.catalog.scopes.indices {
            let keys = Self.wordIDs.filter {
                (Self.words[Int($0)].scope ?? Self.words[Int($0)].parameter?.scope)?.index == scope
            }
            let levels = Self.levelWordIDs.filter { Self.words[Int($0)].levels[scope] != nil }
            var entries: [ScopeEntry] = []
            for (index, key) in keys.enumerated() {
                for (offset, level) in levels.enumerated() where (index + offset) % 3 != 0 {
                    entries.append(
                        Self.fastEntry(
                            key: key, level: Self.words[Int(level)].text,
                            position: TextPosition(line: entries.count + 1, column: 3)))
                }
                // The bare parameter too, when the key is one.
                if Self.words[Int(key)].parameter != nil {
                    entries.append(
                        Self.fastEntry(key: key, level: nil, position: TextPosition(line: entries.count + 1, column: 3))
                    )
                }
            }
            let (outcome, _) = Self.compare(entries)
            if case .grants(let snapshot) = outcome, !snapshot.conflicts.isEmpty { checked += 1 }
        }
        #expect(checked > Self.catalog.scopes.count / 2, "most scopes should produce conflicts in this test")
    }

    @Test("entries read from an export by the streaming reader resolve as their text does")
    func throughTheReader() throws {
        var text = "{\"format\": \"scopelint-export/1\", \"stores\": [{\"store_hash\": \"h\", \"accounts\": [\n"
        var accounts: [String] = []
        for (index, key) in Self.wordIDs.enumerated() {
            let word = Self.words[Int(key)]
            let scope = word.scope ?? word.parameter?.scope
            guard let scope else { continue }
            let level = Self.levelWordIDs.filter { Self.words[Int($0)].levels[scope.index] != nil }.map {
                Self.words[Int($0)].text
            }
            let chosen = level.isEmpty ? "none" : level[index % level.count]
            let json = try String(decoding: JSONSerialization.data(withJSONObject: [word.text: chosen]), as: UTF8.self)
            accounts.append("{\"name\": \"a\(index)\", \"scopes\": \(json)}")
        }
        text += accounts.joined(separator: ",\n") + "]}]}"
        let export = try ExportReader.read(Array(text.utf8), file: "grants.json")
        let read = try #require(export.stores.first?.accounts)
        #expect(read.count == accounts.count)
        var fastEntries = 0
        for account in read {
            fastEntries += account.scopes.filter { $0.keyWord >= 0 }.count
            _ = Self.compare(account.scopes)
        }
        #expect(fastEntries == accounts.count)
    }
}
