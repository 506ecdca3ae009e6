/// The words of the phrases the text reader looks for (the catalog's scope names and level
/// labels, as keys and folded, and the few words it reads between them), each with a number.
/// A word of a text line is looked up here once, by its bytes lowered as they are compared,
/// and from then on the reader and its phrase tries compare numbers: no `String` per word.
package final class PhraseWords: Sendable {
    /// Each word's bytes, back to back.
    private let bytes: [UInt8]
    /// Open addressing: a word's number, length and first byte's offset packed (16, 16 and 32
    /// bits), so a probe reads one slot; 0 is an empty slot (no word is empty).
    private let slots: [UInt64]
    private let mask: Int
    /// The longest word in bytes: a longer text word is none of them, whatever its bytes.
    private let longest: Int
    /// The number of "and" (also the word `&`), -1 when not held.
    package let and: Int32

    /// No words: every text word is -1.
    package static let empty = PhraseWords([])

    /// `words` are keys: lower case, so a text word lowered as it is compared is equal to one
    /// exactly when its key is. ASCII (checked by a test): a key that is not has other bytes
    /// than any of these, as `String` comparison would also find.
    package init(_ words: [String]) {
        var bytes: [UInt8] = []
        var entries: [(start: Int, length: Int)] = []
        var seen: Set<String> = []
        var and: Int32 = -1
        for word in words where !word.isEmpty && seen.insert(word).inserted {
            if word == "and" { and = Int32(entries.count) }
            entries.append((bytes.count, word.utf8.count))
            bytes += Array(word.utf8)
        }
        precondition(entries.count < 1 << 16 && bytes.count < 1 << 32)
        var capacity = 64
        while capacity < entries.count * 4 { capacity *= 2 }
        var slots = Array(repeating: UInt64(0), count: capacity)
        bytes.withUnsafeBufferPointer { buffer in
            for (word, entry) in entries.enumerated() {
                var slot = Self.hash(buffer, entry.start..<entry.start + entry.length) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = UInt64(word) << 48 | UInt64(entry.length) << 32 | UInt64(entry.start)
            }
        }
        self.bytes = bytes
        self.slots = slots
        self.mask = capacity - 1
        self.longest = entries.map(\.length).max() ?? 0
        self.and = and
    }

    /// The number of the word spelled by `text[range]` with ASCII capitals lowered, or -1.
    package func lookup(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        guard range.count <= longest else { return -1 }
        return lookup(text, range, hashed: range.reduce(Self.hashSeed) { Self.hashing($0, text[$1]) })
    }

    /// `lookup` with the bytes already hashed (`hashing` each from `hashSeed`), as the word
    /// cutter does while it reads them.
    package func lookup(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hashed: UInt64) -> Int32 {
        let length = range.count
        guard length > 0, length <= longest else { return -1 }
        var slot = Self.slot(hashed) & mask
        return bytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeBufferPointer { slots in
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return -1 }
                    if Int(truncatingIfNeeded: entry >> 32) & 0xFFFF == length {
                        let start = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF)
                        var at = 0
                        while at < length, Self.lowered(text[range.lowerBound &+ at]) == bytes[start &+ at] { at += 1 }
                        if at == length { return Int32(truncatingIfNeeded: entry >> 48) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The number of `word`, or -1.
    package func lookup(_ word: String) -> Int32 {
        var word = word
        return word.withUTF8 { lookup($0, 0..<$0.count) }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// FNV-1a over the lowered bytes, a byte at a time: the words are short, and the cutter
    /// hashes each as it reads it.
    package static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    package static func hashing(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        (state ^ UInt64(lowered(byte))) &* 0x100_0000_01B3
    }

    private static func slot(_ state: UInt64) -> Int { Int(truncatingIfNeeded: state ^ state >> 32) }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        slot(range.reduce(hashSeed) { hashing($0, bytes[$1]) })
    }
}
