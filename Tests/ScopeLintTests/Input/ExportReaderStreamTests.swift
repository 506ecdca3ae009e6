import Foundation
import Testing

@testable import ScopeLint

/// A generated export and what the reader must find in it: every store, account and scope
/// entry with the byte offset it was written at.
struct GeneratedExport {
    struct Entry {
        var key: String
        var level: String
        var keyOffset: Int
        var colonOffset: Int
        var levelOffset: Int
        /// Whether the key was written in quotes (so a byte can be slipped inside it).
        var keyQuoted: Bool
    }

    struct ArrayEntry {
        var key: String
        /// The parameter's own column: the string's column + 1 + its offset in the string.
        var elementOffset: Int
        var scalarOffset: Int
    }

    struct Secret {
        var key: String
        var offset: Int
    }

    struct Account {
        var name: String
        var offset: Int
        var entries: [Entry] = []
        var arrayEntries: [ArrayEntry]?
        var secrets: [Secret] = []
    }

    struct Store {
        var hash: String
        var name: String?
        var offset: Int
        /// Just past the store's closing brace, and where the next store (or the array's end) starts.
        var end = 0
        var nextStart = 0
        var accounts: [Account] = []
    }

    var bytes: [UInt8] = []
    var stores: [Store] = []
}

/// Writes exports byte by byte with random JSON5 trivia and spellings, recording offsets.
struct ExportGenerator {
    var random: TestSupport.SeededGenerator
    var document = GeneratedExport()

    static let catalogWords = Catalog.bigCommerce.spellings.words.map(\.text)
    /// Words a parameter string splits back into unchanged (no separators inside).
    static let parameterLikeWords = catalogWords.filter { !$0.contains { " ,+\t\n".contains($0) } }
    static let unknownKeys = [
        "Not A Scope", "Not A Scope 7", "Müller Sync", "Ünknown", "Scope 😀 x", "ORDERS", "orders ", "Sites and Routes",
        "store_v2_orders_read", "ÉÉÉÉÉÉÉÉÉÉÉÉ", String(repeating: "long key ", count: 12),
    ]
    static let unknownLevels = ["bogus", "Read Only", "modifié", "READ-ONLY", "", "nöne"]
    static let accountNames = [
        "Modern Retail Integration", "Stone Edge Order Manager", "Müller Sync 😀", "a \"quoted\" \\ name",
        "Reporting\tTool", "x",
    ]

    init(seed: UInt64) { random = TestSupport.SeededGenerator(seed: seed) }

    var offset: Int { document.bytes.count }

    mutating func raw(_ text: String) { document.bytes += Array(text.utf8) }

    mutating func trivia() { raw(TestSupport.trivia(&random)) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// `text` as a JSON string, escaping only what must be.
    static func quoted(_ text: String, quote: Character = "\"") -> String {
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + String(quote)
    }

    /// `\uXXXX` for a scalar, a surrogate pair beyond the BMP.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        if scalar.value <= 0xFFFF { return String(format: "\\u%04X", scalar.value) }
        let value = scalar.value - 0x10000
        return String(format: "\\u%04X\\u%04x", 0xD800 + (value >> 10), 0xDC00 + (value & 0x3FF))
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || (0x30...0x39).contains(byte)
                    || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
    }

    /// A way to write `text` as a string (or key): plain, single-quoted, with an escape.
    mutating func spelling(_ text: String, asKey: Bool) -> (written: String, quoted: Bool) {
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where asKey && Self.isIdentifier(text):
            return (text, false)
        case 1:
            return (Self.quoted(text, quote: "'"), true)
        case 2 where !text.isEmpty:
            // One scalar, anywhere in the text, written as an escape.
            let scalars = Array(text.unicodeScalars)
            let index = Int.random(in: 0..<scalars.count, using: &random)
            var out = "\""
            for (position, scalar) in scalars.enumerated() {
                out +=
                    position == index
                    ? Self.unicodeEscape(scalar) : String(Self.quoted(String(scalar)).dropFirst().dropLast())
            }
            return (out + "\"", true)
        default:
            return (Self.quoted(text), true)
        }
    }

    /// Writes `"key": ` with trivia around the colon; returns the key's and the colon's offsets.
    mutating func key(_ written: String) -> (Int, Int) {
        let keyOffset = offset
        raw(written)
        trivia()
        let colon = offset
        raw(":")
        trivia()
        return (keyOffset, colon)
    }

    /// The separator after a member or element: a comma, or an optional trailing comma at the end.
    mutating func separator(last: Bool) {
        trivia()
        if !last || chance(20) {
            raw(",")
            trivia()
        }
    }

    mutating func scopes(into account: inout GeneratedExport.Account) {
        if chance(15) {
            // The array form: parameters, one or two to a string.
            var entries: [GeneratedExport.ArrayEntry] = []
            raw("[")
            trivia()
            let count = Int.random(in: 0...4, using: &random)
            for index in 0..<count {
                let first = chance(80) ? Self.parameterLikeWords.randomElement(using: &random)! : "not_a_parameter"
                let two = chance(30)
                let second = "store_v2_orders_read_only"
                let text = two ? first + " " + second : first
                let elementOffset = offset
                raw(Self.quoted(text))
                entries.append(.init(key: first, elementOffset: elementOffset, scalarOffset: 0))
                if two {
                    entries.append(
                        .init(key: second, elementOffset: elementOffset, scalarOffset: first.unicodeScalars.count + 1))
                }
                separator(last: index == count - 1)
            }
            raw("]")
            account.arrayEntries = entries
            return
        }
        raw("{")
        trivia()
        let count = Int.random(in: 0...12, using: &random)
        for index in 0..<count {
            let keyText =
                chance(80)
                ? Self.catalogWords.randomElement(using: &random)! : Self.unknownKeys.randomElement(using: &random)!
            let levelText =
                chance(85)
                ? Self.catalogWords.randomElement(using: &random)! : Self.unknownLevels.randomElement(using: &random)!
            let keySpelling = spelling(keyText, asKey: true)
            let (keyOffset, colon) = key(keySpelling.written)
            let levelOffset = offset
            raw(spelling(levelText, asKey: false).written)
            account.entries.append(
                .init(
                    key: keyText, level: levelText, keyOffset: keyOffset, colonOffset: colon, levelOffset: levelOffset,
                    keyQuoted: keySpelling.quoted))
            separator(last: index == count - 1)
        }
        raw("}")
    }

    mutating func account() -> GeneratedExport.Account {
        let name = Self.accountNames.randomElement(using: &random)!
        var account = GeneratedExport.Account(name: name, offset: offset)
        raw("{")
        trivia()
        var members = ["name", "scopes"]
        if chance(30) { members.append("client_id") }
        if chance(20) { members.append(chance(50) ? "access_token" : "clientSecret") }
        if chance(20) { members.append("notes") }
        members.shuffle(using: &random)
        for (index, member) in members.enumerated() {
            let (keyOffset, _) = key(spelling(member, asKey: true).written)
            switch member {
            case "name": raw(spelling(name, asKey: false).written)
            case "scopes": scopes(into: &account)
            case "client_id": raw(Self.quoted("client-\(Int.random(in: 0..<999, using: &random))"))
            case "notes": raw("{\"why\": [1, 2.5e3, null, true, 'é'], \"n\": -0x1F}")
            default:
                account.secrets.append(.init(key: member, offset: keyOffset))
                raw(Self.quoted("k7b2x9q4w1m8z3p6r5t0y2u4i6o8a1s3"))
            }
            separator(last: index == members.count - 1)
        }
        raw("}")
        return account
    }

    /// The members of a store (or of a one-store root, after its "format"): hash, name, accounts.
    mutating func storeMembers(_ store: inout GeneratedExport.Store, closing: Bool) {
        var members = ["store_hash", "accounts"]
        if store.name != nil { members.append("name") }
        if chance(20) { members.append("notes") }
        members.shuffle(using: &random)
        for (index, member) in members.enumerated() {
            _ = key(spelling(member, asKey: true).written)
            switch member {
            case "store_hash": raw(spelling(store.hash, asKey: false).written)
            case "name": raw(spelling(store.name!, asKey: false).written)
            case "notes": raw("'a note // not a comment /* nor this */'")
            default:
                raw("[")
                trivia()
                let count = Int.random(in: 0...4, using: &random)
                for index in 0..<count {
                    store.accounts.append(account())
                    separator(last: index == count - 1)
                }
                raw("]")
            }
            separator(last: index == members.count - 1 && closing)
        }
    }

    static func generate(seed: UInt64, storeCount: Int? = nil, oneStore: Bool = false) -> GeneratedExport {
        var generator = ExportGenerator(seed: seed)
        generator.trivia()
        let rootOffset = generator.offset
        generator.raw("{")
        generator.trivia()
        _ = generator.key(generator.spelling("format", asKey: true).written)
        generator.raw("\"scopelint-export/1\"")
        generator.separator(last: false)
        if oneStore {
            var store = GeneratedExport.Store(
                hash: "s0", name: generator.chance(50) ? "Müller & Söhne" : nil, offset: rootOffset)
            generator.storeMembers(&store, closing: true)
            generator.raw("}")
            store.end = generator.offset
            store.nextStart = generator.offset
            generator.document.stores = [store]
        } else {
            if generator.chance(30) {
                _ = generator.key("generator")
                generator.raw("'scopelint-tests'")
                generator.separator(last: false)
            }
            _ = generator.key(generator.spelling("stores", asKey: true).written)
            generator.raw("[")
            generator.trivia()
            let count = storeCount ?? Int.random(in: 1...6, using: &generator.random)
            for index in 0..<count {
                if index > 0 { generator.document.stores[index - 1].nextStart = generator.offset }
                var store = GeneratedExport.Store(
                    hash: "s\(index)", name: generator.chance(50) ? "Store é \(index)" : nil, offset: generator.offset)
                generator.raw("{")
                generator.trivia()
                generator.storeMembers(&store, closing: true)
                generator.raw("}")
                store.end = generator.offset
                generator.document.stores.append(store)
                generator.separator(last: index == count - 1)
            }
            if count > 0 { generator.document.stores[count - 1].nextStart = generator.offset }
            generator.raw("]")
            generator.separator(last: true)
            generator.raw("}")
        }
        generator.trivia()
        return generator.document
    }
}

/// `ExportReader.stream`: stores one at a time, in file order, with progress behind them.
@Suite("Export reader: generated exports, store by store")
struct ExportReaderStreamTests {
    static let spellings = Catalog.bigCommerce.spellings

    enum Event: Equatable {
        case store(String?)
        case progress(Int)
    }

    /// Streams `bytes`, recording each store and each progress call in the order they came.
    static func stream(_ bytes: [UInt8], file: String = "stream.json5") -> (
        stores: [Store], events: [Event], error: ScopeLintError?
    ) {
        var stores: [Store] = []
        var events: [Event] = []
        let error = TestSupport.error { () throws(ScopeLintError) in
            try bytes.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in
                try ExportReader.stream(buffer, file: file, progress: { events.append(.progress($0)) }) {
                    (store) throws(ScopeLintError) in
                    stores.append(store)
                    events.append(.store(store.hash))
                }
            }
        }
        return (stores, events, error)
    }

    /// Checks what was read against what was written, field by field.
    static func check(
        _ stores: [Store], against document: GeneratedExport, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let bytes = document.bytes
        func at(_ offset: Int) -> TextPosition { TestSupport.naivePosition(bytes, offset) }
        #expect(stores.map(\.hash) == document.stores.map(\.hash), sourceLocation: sourceLocation)
        for (store, expected) in zip(stores, document.stores) {
            #expect(store.name == expected.name, sourceLocation: sourceLocation)
            #expect(store.position == at(expected.offset), "store \(expected.hash)", sourceLocation: sourceLocation)
            #expect(store.accounts.count == expected.accounts.count, sourceLocation: sourceLocation)
            for (account, want) in zip(store.accounts, expected.accounts) {
                #expect(account.name == want.name, sourceLocation: sourceLocation)
                #expect(account.position == at(want.offset), "account \(want.name)", sourceLocation: sourceLocation)
                #expect(account.secrets.map(\.key) == want.secrets.map(\.key), sourceLocation: sourceLocation)
                #expect(
                    account.secrets.map(\.position) == want.secrets.map { at($0.offset) },
                    sourceLocation: sourceLocation)
                if let arrayEntries = want.arrayEntries {
                    #expect(account.scopes.map(\.key) == arrayEntries.map(\.key), sourceLocation: sourceLocation)
                    for (entry, want) in zip(account.scopes, arrayEntries) {
                        let element = at(want.elementOffset)
                        #expect(
                            entry.position
                                == TextPosition(line: element.line, column: element.column + 1 + want.scalarOffset),
                            sourceLocation: sourceLocation)
                        #expect(entry.level == nil, sourceLocation: sourceLocation)
                        #expect(entry.keyWord == spellings.lookup(want.key) ?? -1, sourceLocation: sourceLocation)
                    }
                    continue
                }
                #expect(account.scopes.map(\.key) == want.entries.map(\.key), sourceLocation: sourceLocation)
                #expect(account.scopes.map(\.level) == want.entries.map(\.level), sourceLocation: sourceLocation)
                for (entry, want) in zip(account.scopes, want.entries) {
                    #expect(
                        entry.position == at(want.keyOffset), "key \(want.key.debugDescription)",
                        sourceLocation: sourceLocation)
                    #expect(
                        entry.keyWord == spellings.lookup(want.key) ?? -1, "key \(want.key.debugDescription)",
                        sourceLocation: sourceLocation)
                    #expect(
                        entry.levelWord == spellings.lookup(want.level) ?? -1, "level \(want.level.debugDescription)",
                        sourceLocation: sourceLocation)
                    if entry.keyWord >= 0 {
                        #expect(spellings.words[Int(entry.keyWord)].text == entry.key, sourceLocation: sourceLocation)
                    }
                    if entry.levelWord >= 0 {
                        #expect(
                            spellings.words[Int(entry.levelWord)].text == entry.level, sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test(
        "generated exports: stores in file order, every field and position as written, the same as read whole",
        arguments: 0..<80)
    func generated(_ seed: Int) throws {
        let document = ExportGenerator.generate(seed: UInt64(seed))
        let (stores, events, error) = Self.stream(document.bytes)
        if let error {
            Issue.record("seed \(seed): \(error)\n\(String(decoding: document.bytes, as: UTF8.self))")
            return
        }
        Self.check(stores, against: document)

        // Exactly what reading whole gives.
        let whole = try ExportReader.read(document.bytes, file: "stream.json5")
        #expect(dumped(whole.stores) == dumped(stores))

        // The tree parser agrees on every store's and account's position.
        let root = try JSONReader.parse(document.bytes, file: "stream.json5")
        let storeNodes = try #require(root.members?.first { $0.key == "stores" }?.value.elements)
        #expect(storeNodes.map(\.position) == stores.map(\.position))

        // Each store, then the reader's progress past it: strictly increasing, within the
        // bytes, never before the store's end nor past the next store's start.
        #expect(events.count == 2 * document.stores.count)
        var last = -1
        for (index, store) in document.stores.enumerated() {
            guard events.count == 2 * document.stores.count else { break }
            #expect(events[2 * index] == .store(store.hash))
            guard case .progress(let offset) = events[2 * index + 1] else {
                Issue.record("expected progress after store \(index), got \(events[2 * index + 1])")
                continue
            }
            #expect(offset > last)
            #expect(offset <= document.bytes.count)
            #expect(offset >= store.end, "progress \(offset) before the end of store \(index) (\(store.end))")
            #expect(
                offset <= store.nextStart,
                "progress \(offset) past the start of what follows store \(index) (\(store.nextStart))")
            last = offset
        }
    }

    @Test("the one-store form (the root holds \"accounts\") gives that one store, as read whole", arguments: 0..<30)
    func oneStore(_ seed: Int) throws {
        let document = ExportGenerator.generate(seed: UInt64(seed) + 1000, oneStore: true)
        let (stores, events, error) = Self.stream(document.bytes)
        if let error {
            Issue.record("seed \(seed): \(error)\n\(String(decoding: document.bytes, as: UTF8.self))")
            return
        }
        #expect(stores.count == 1)
        Self.check(stores, against: document)
        #expect(dumped(try ExportReader.read(document.bytes, file: "stream.json5").stores) == dumped(stores))
        var last = -1
        for case .progress(let offset) in events {
            #expect(offset > last && offset <= document.bytes.count)
            last = offset
        }
    }

    @Test("a stores array and the one-store form of the same store read the same")
    func bothForms() throws {
        let body =
            "\"store_hash\": \"abc\", \"name\": \"Pine\", \"accounts\": [{\"name\": \"A\", \"scopes\": {\"Orders\": \"modify\", \"Not A Scope\": \"none\"}}]"
        let many = try ExportReader.read(Array("{\"stores\": [{\(body)}]}".utf8), file: "f")
        let one = try ExportReader.read(Array("{\(body)}".utf8), file: "f")
        #expect(many.stores.count == 1 && one.stores.count == 1)
        #expect(many.stores[0].hash == "abc" && one.stores[0].hash == "abc")
        #expect(many.stores[0].accounts.map(\.scopes.count) == [2])
        #expect(one.stores[0].accounts.map { $0.scopes.map(\.key) } == [["Orders", "Not A Scope"]])
        #expect(many.stores[0].accounts[0].scopes.map(\.keyWord) == one.stores[0].accounts[0].scopes.map(\.keyWord))
    }

    @Test("catalog spellings get their word, unknown text gets -1, however the key or level is written")
    func words() throws {
        let text = #"""
            {"stores": [{"store_hash": "h", "accounts": [{"name": "A", "scopes": {
              "Orders": "modify",
              "Not A Scope": "none",
              "Products": "bogus",
              "Sites \u0026 Routes": "read\u002Donly",
              "\u0043ustomers": 'Read-only',
              'Carts': "modify",
              Marketing: 'none',
              store_v2_content: "Modify",
              "Müller": "modifié",
              "Orders\u0020": "modify",
              "ORDERS": "MODIFY",
              "Sites & Routes": "read-only"
            }}]}]}
            """#
        let (stores, _, error) = Self.stream(Array(text.utf8))
        #expect(error == nil)
        let scopes = try #require(stores.first?.accounts.first?.scopes)
        let expected: [(String, String)] = [
            ("Orders", "modify"), ("Not A Scope", "none"), ("Products", "bogus"), ("Sites & Routes", "read-only"),
            ("Customers", "Read-only"),
            ("Carts", "modify"), ("Marketing", "none"), ("store_v2_content", "Modify"), ("Müller", "modifié"),
            ("Orders ", "modify"),
            ("ORDERS", "MODIFY"), ("Sites & Routes", "read-only"),
        ]
        #expect(scopes.map(\.key) == expected.map(\.0))
        #expect(scopes.map(\.level) == expected.map(\.1))
        for (entry, (key, level)) in zip(scopes, expected) {
            #expect(entry.keyWord == Self.spellings.lookup(key) ?? -1, "\(key)")
            #expect(entry.levelWord == Self.spellings.lookup(level) ?? -1, "\(level)")
        }
        // Spelled out: the words the brief names.
        #expect(scopes[0].keyWord >= 0 && scopes[0].levelWord >= 0)
        #expect(scopes[1].keyWord == -1 && scopes[1].levelWord >= 0)
        #expect(scopes[2].keyWord >= 0 && scopes[2].levelWord == -1)
        #expect(scopes[3].keyWord >= 0 && scopes[3].levelWord >= 0)
        #expect(scopes[3].keyWord == scopes[11].keyWord && scopes[3].levelWord == scopes[11].levelWord)
        #expect(scopes[4].keyWord >= 0 && scopes[4].levelWord >= 0)
        #expect(scopes[5].keyWord >= 0 && scopes[6].keyWord >= 0 && scopes[7].keyWord >= 0 && scopes[7].levelWord >= 0)
        #expect(scopes[8].keyWord == -1 && scopes[8].levelWord == -1)
        #expect(scopes[9].keyWord == -1 && scopes[10].keyWord == -1 && scopes[10].levelWord == -1)
        // A word's text is the catalog's own string; the entry's text is the same characters.
        for entry in scopes where entry.keyWord >= 0 {
            #expect(Self.spellings.words[Int(entry.keyWord)].text == entry.key)
        }
    }

    /// A document whose third store has a syntax error at a known byte; the first two are fine.
    struct Defect: Sendable, CustomTestStringConvertible {
        var name: String
        var seed: UInt64
        var testDescription: String { "\(name), seed \(seed)" }
    }

    static let defects: [Defect] = [
        "missing colon", "stray character before a key", "control character in a level", "invalid UTF-8 in a key",
        "invalid escape in a level",
    ]
    .flatMap { name in (0..<6).map { Defect(name: name, seed: UInt64($0) * 7 + 3) } }

    @Test(
        "a syntax error in the third store is thrown with its line:column after the first two stores were delivered",
        arguments: defects)
    func errorInThirdStore(_ defect: Defect) throws {
        // A seed whose third store has a scope entry to break (and a quoted key for the UTF-8 case).
        var document = GeneratedExport()
        var target: GeneratedExport.Entry?
        var seed = defect.seed
        while target == nil {
            document = ExportGenerator.generate(seed: seed, storeCount: 4)
            target = document.stores[2].accounts.flatMap(\.entries).first {
                defect.name != "invalid UTF-8 in a key" || $0.keyQuoted
            }
            seed += 1000
        }
        let entry = try #require(target)
        var bytes = document.bytes
        let errorOffset: Int
        let phrase: String
        switch defect.name {
        case "missing colon":
            bytes.remove(at: entry.colonOffset)
            errorOffset = entry.levelOffset - 1
            phrase = "expected ':' after the key"
        case "stray character before a key":
            bytes.insert(UInt8(ascii: "@"), at: entry.keyOffset)
            errorOffset = entry.keyOffset
            phrase = "expected a key in quotes or '}'"
        case "control character in a level":
            bytes.insert(0x01, at: entry.levelOffset + 1)
            errorOffset = entry.levelOffset + 1
            phrase = "raw control character"
        case "invalid UTF-8 in a key":
            bytes.insert(0xFF, at: entry.keyOffset + 1)
            errorOffset = entry.keyOffset + 1
            phrase = "expected UTF-8 text"
        default:
            // `\q` right after the level's opening quote.
            bytes.insert(UInt8(ascii: "\\"), at: entry.levelOffset + 1)
            bytes.insert(UInt8(ascii: "q"), at: entry.levelOffset + 2)
            errorOffset = entry.levelOffset + 2
            phrase = "expected a valid escape sequence"
        }
        let (stores, events, error) = Self.stream(bytes, file: "broken.json5")
        #expect(stores.map(\.hash) == ["s0", "s1"])
        // Both were delivered, each followed by the reader's progress past it.
        #expect(events.count == 4)
        if events.count == 4 {
            #expect(events[0] == .store("s0") && events[2] == .store("s1"))
            guard case .progress(let first) = events[1], case .progress(let second) = events[3] else {
                Issue.record("expected progress after each store, got \(events)")
                return
            }
            #expect(
                first >= document.stores[0].end && second >= document.stores[1].end
                    && second <= document.stores[1].nextStart)
        }
        guard case .invalid(let file, let position, let message) = try #require(error) else {
            Issue.record("expected an invalid-input error, got \(String(describing: error))")
            return
        }
        #expect(file == "broken.json5")
        #expect(position == TestSupport.naivePosition(bytes, errorOffset))
        #expect(message.contains(phrase), "\(message)")
        // The same error, at the same place, as the tree parser reports for the whole text.
        #expect(
            TestSupport.error { () throws(ScopeLintError) in _ = try JSONReader.parse(bytes, file: "broken.json5")
            } == error)
        // And as reading whole.
        #expect(
            TestSupport.error { () throws(ScopeLintError) in _ = try ExportReader.read(bytes, file: "broken.json5")
            } == error)
    }

    @Test("a shape error in the third store (an unknown account key) also comes after two stores, at the key")
    func shapeErrorInThirdStore() throws {
        let stores = (0..<4).map { index in
            "{\"store_hash\": \"s\(index)\", \"accounts\": [{\"name\": \"A\", \(index == 2 ? "\"scope\"" : "\"scopes\""): {\"Orders\": \"modify\"}}]}"
        }
        let text = "{\"format\": \"scopelint-export/1\",\n \"stores\": [\n" + stores.joined(separator: ",\n") + "\n]}"
        let bytes = Array(text.utf8)
        let (delivered, _, error) = Self.stream(bytes)
        #expect(delivered.map(\.hash) == ["s0", "s1"])
        let needle = Array("\"scope\"".utf8)
        let offset = try #require(bytes.indices.first { Array(bytes[$0...].prefix(needle.count)) == needle })
        guard case .invalid(_, let position, let message) = try #require(error) else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(position == TestSupport.naivePosition(bytes, offset))
        #expect(message.hasPrefix("unknown key 'scope' in an API account"))
    }

    @Test("an error thrown by the store handler stops the reader: no later store, that error")
    func handlerError() {
        let document = ExportGenerator.generate(seed: 42, storeCount: 5)
        var seen: [String?] = []
        let stop = ScopeLintError.invalid(file: "handler", position: nil, message: "stop")
        let error = TestSupport.error { () throws(ScopeLintError) in
            try document.bytes.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in
                try ExportReader.stream(buffer, file: "f") { (store) throws(ScopeLintError) in
                    seen.append(store.hash)
                    if seen.count == 2 { throw stop }
                }
            }
        }
        #expect(seen == ["s0", "s1"])
        #expect(error == stop)
    }
}
