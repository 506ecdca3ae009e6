import Foundation
import Testing

@testable import ScopeLint

/// `Catalog.spellings`: the byte-keyed table the streaming reader looks scope keys and levels
/// up in, and the answers it precomputes for `Grants`. Every word must be found by its text
/// and its bytes wherever they lie, nothing else may be, and every precomputed answer must be
/// the one the catalog's general (normalizing) lookups give.
@Suite("Catalog: spelling table")
struct SpellingTableTests {
    static let catalog = Catalog.bigCommerce
    static let table = catalog.spellings
    static let words: [Int32] = table.words.indices.map { Int32($0) }
    /// Each word's index by its exact text: the oracle for what `lookup` must answer.
    static let indexByText: [String: Int32] = Dictionary(
        uniqueKeysWithValues: table.words.enumerated().map { ($0.element.text, Int32($0.offset)) })

    static func text(_ word: Int32) -> String { table.words[Int(word)].text }

    /// `lookup` over bytes, with the word placed `offset` bytes into a larger buffer: the
    /// reader looks keys up where they lie in the file, at any alignment.
    static func lookupBytes(_ bytes: [UInt8], at offset: Int) -> Int32? {
        let buffer = Array(repeating: UInt8(ascii: "\""), count: offset) + bytes + Array("\": \"modify\"".utf8)
        return buffer.withUnsafeBufferPointer { table.lookup($0, offset..<(offset + bytes.count)) }
    }

    @Test("the table has the catalog's spellings: every name, alias, parameter and level label, each once")
    func coverage() {
        #expect(Self.indexByText.count == Self.table.words.count, "a text appears twice in the table")
        var expected: Set<String> = Self.catalog.implicitParameters
        for scope in Self.catalog.scopes {
            expected.insert(scope.name)
            expected.formUnion(scope.nameAliases)
            expected.formUnion(scope.parameterAliases.map(\.parameter))
            for level in scope.levels {
                if let parameter = level.parameter { expected.insert(parameter) }
                for label in [level.name] + level.spellings {
                    expected.insert(label)
                    expected.insert(label.prefix(1).uppercased() + label.dropFirst())
                }
            }
        }
        #expect(Set(Self.indexByText.keys) == expected)
        #expect(Self.table.words.allSatisfy { !$0.text.isEmpty && $0.text.utf8.count <= Catalog.longestName })
    }

    @Test("every word is found by its text and by its bytes at any alignment, as its own index", arguments: words)
    func found(_ word: Int32) {
        let text = Self.text(word)
        #expect(Self.table.lookup(text) == word)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { #expect(Self.table.lookup($0, 0..<$0.count) == word) }
        for offset in 1...9 {
            #expect(Self.lookupBytes(bytes, at: offset) == word, "at offset \(offset)")
        }
        // Text cut out of a larger string (as readers make it) finds it too.
        let larger = "\"" + text + "\": "
        #expect(Self.table.lookup(String(larger.dropFirst().dropLast(3))) == word)
    }

    @Test("near misses of every word find nothing, or exactly the word spelled that way", arguments: words)
    func nearMisses(_ word: Int32) {
        let text = Self.text(word)
        let bytes = Array(text.utf8)
        var misses: [String] = [
            text.uppercased(), text.lowercased(), text.capitalized, text + " ", " " + text, text + "s",
            text + String(repeating: "x", count: 9), String(text.reversed()),
            text.replacingOccurrences(of: " ", with: "  "),
            text.replacingOccurrences(of: "_", with: "-"), text.replacingOccurrences(of: "&", with: "and"),
        ]
        // Every proper prefix and suffix (some are words themselves: "Checkout" / "Checkout Content").
        for cut in 1..<bytes.count {
            misses.append(String(decoding: bytes[..<cut], as: UTF8.self))
            misses.append(String(decoding: bytes[cut...], as: UTF8.self))
        }
        // One byte changed anywhere: the hash reads only the length and the first and last
        // eight bytes, so a change in the middle must be caught by the comparison.
        for index in bytes.indices {
            var changed = bytes
            changed[index] = changed[index] == UInt8(ascii: "q") ? UInt8(ascii: "z") : UInt8(ascii: "q")
            misses.append(String(decoding: changed, as: UTF8.self))
        }
        for miss in misses {
            #expect(Self.table.lookup(miss) == Self.indexByText[miss], "\(miss.debugDescription)")
            let missBytes = Array(miss.utf8)
            if !missBytes.isEmpty {
                #expect(
                    Self.lookupBytes(missBytes, at: 3) == Self.indexByText[miss], "\(miss.debugDescription) as bytes")
            }
        }
    }

    @Test("empty, unknown, non-ASCII and overlong text is not a word")
    func notWords() {
        let longest = Self.table.words.map(\.text).max { $0.utf8.count < $1.utf8.count }!
        let misses = [
            "", " ", "Not A Scope", "read only", "READ-ONLY", "Modify ", "store_v2_orders_read", "Sites and Routes",
            "Müller",
            "é", "😀", "\u{0}", "none\u{0}", String(repeating: "a", count: 100), String(repeating: "a", count: 101),
            longest + "x", String(repeating: "store_v2_orders", count: 7),
            // 101+ bytes that start and end like a word (the hash sees only ends and length).
            "Customers" + String(repeating: " ", count: 100) + "Customers",
            "store_v2_customers_read_only" + String(repeating: "_", count: 80) + "store_v2_customers_read_only",
        ]
        for miss in misses {
            #expect(Self.table.lookup(miss) == nil, "\(miss.debugDescription)")
        }
        [UInt8]().withUnsafeBufferPointer { #expect(Self.table.lookup($0, 0..<0) == nil) }
        let padded = Array("Customers".utf8)
        padded.withUnsafeBufferPointer { buffer in
            #expect(Self.table.lookup(buffer, 3..<3) == nil)
            #expect(Self.table.lookup(buffer, 0..<9) == Self.indexByText["Customers"])
            #expect(Self.table.lookup(buffer, 0..<8) == nil)
            #expect(Self.table.lookup(buffer, 1..<9) == nil)
        }
        // Exactly 101 bytes of a real word's repetitions: over the limit, not found even by bytes.
        let overlong = Array(String(repeating: "a", count: 101).utf8)
        overlong.withUnsafeBufferPointer { #expect(Self.table.lookup($0, 0..<101) == nil) }
    }

    @Test("every word answers as its text does when the table is not asked", arguments: words)
    func answers(_ word: Int32) {
        let catalog = Self.catalog
        let text = Self.table.words[Int(word)].text
        let known = catalog.withKey(text, word: word) { copy $0 }
        let worked = catalog.withKey(text, word: -1) { copy $0 }
        #expect(known.scope == worked.scope)
        #expect(known.isCanonicalName == worked.isCanonicalName)
        #expect(known.parameter?.scope == worked.parameter?.scope)
        #expect(known.parameter?.level == worked.parameter?.level)
        #expect(known.parameter?.canonical == worked.parameter?.canonical)
        #expect(known.isCanonicalParameter == worked.isCanonicalParameter)
        #expect(known.isImplicit == worked.isImplicit)
        for scope in catalog.scopes {
            #expect(
                catalog.level(text, word: word, of: scope.id) == catalog.level(text, word: -1, of: scope.id),
                "\(text.debugDescription) as a level of \(scope.name)")
        }
    }

    @Test("a table built again from the same catalog gives the same words in the same order")
    func deterministic() {
        let again = SpellingTable(catalog: Self.catalog)
        #expect(again.words.map(\.text) == Self.table.words.map(\.text))
        for word in Self.words {
            #expect(again.lookup(Self.text(word)) == word)
        }
    }
}
