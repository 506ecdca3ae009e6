#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The catalog's spellings keyed by their exact bytes: every UI name, parameter and level
/// label as catalogs and exports write them, with what each means worked out once. A reader
/// turns a scope key or level it has just scanned into a word here with one hash of bytes and
/// no `String`; `Catalog.withKey(_:word:_:)` and `Catalog.level(_:word:of:)` answer from the word,
/// or work the same answer out from text the table does not hold.
package struct SpellingTable: Sendable {
    package struct Word: Sendable {
        /// The catalog's own string, shared by every entry that spells it this way.
        package let text: String
        /// What `Catalog.scope(named:)` answers for the text.
        package let scope: ScopeID?
        /// Whether that name is the control panel's own spelling.
        package let isCanonicalName: Bool
        /// What `Catalog.parameter(_:)` answers for the text.
        package let parameter: Catalog.ParameterMatch?
        /// Whether that parameter is the guide's own spelling (not a spec alias).
        package let isCanonicalParameter: Bool
        /// An implicit scope (granted to every token, never checked).
        package let isImplicit: Bool
        /// What `Catalog.level(_:of:)` answers for each scope; empty when the text is no level label.
        package let levels: [Catalog.LevelMatch?]

        /// What `text` means as a scope key, and for each scope as a level when `isLevel`: the
        /// one definition, for the table's words and for text the table does not hold.
        init(_ text: String, catalog: Catalog, isLevel: Bool) {
            self.text = text
            scope = catalog.scope(named: text)
            isCanonicalName = scope.map { catalog[$0].name == text } ?? false
            parameter = catalog.parameter(text)
            isCanonicalParameter =
                parameter.map { ($0.canonical ?? catalog[$0.scope].levels[$0.level].parameter ?? text) == text }
                ?? false
            // Implicit scopes are accepted in any letter case, like other parameters; no
            // parameter is long, so a long text is not lower-cased to find out.
            isImplicit =
                catalog.implicitParameters.contains(text)
                || (text.utf8.count <= Catalog.longestName && catalog.implicitParameters.contains(text.lowercased()))
            levels = isLevel ? catalog.scopes.map { catalog.level(text, of: $0.id) } : []
        }
    }

    package let words: [Word]
    /// Each word's bytes, back to back, and where each starts.
    private let keys: [UInt8]
    private let starts: [Int]
    /// Open addressing: word index + 1, 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// No spellings: what a catalog holds until its own table is built.
    static let empty = SpellingTable()

    private init() {
        words = []
        keys = []
        starts = [0]
        slots = Array(repeating: 0, count: 1)
        mask = 0
    }

    init(catalog: Catalog) {
        var texts: [String] = []
        var levelTexts: Set<String> = []
        var seen: Set<String> = []
        func add(_ text: String, level: Bool = false) {
            if seen.insert(text).inserted { texts.append(text) }
            if level { levelTexts.insert(text) }
        }
        for scope in catalog.scopes {
            add(scope.name)
            for alias in scope.nameAliases { add(alias) }
            for level in scope.levels {
                if let parameter = level.parameter { add(parameter) }
                // Labels as the catalog writes them and as the control panel shows them.
                for label in [level.name] + level.spellings {
                    add(label, level: true)
                    add(label.prefix(1).uppercased() + label.dropFirst(), level: true)
                }
            }
            for alias in scope.parameterAliases { add(alias.parameter) }
        }
        for parameter in catalog.implicitParameters.sorted() { add(parameter) }

        words = texts.map { Word($0, catalog: catalog, isLevel: levelTexts.contains($0)) }
        var keys: [UInt8] = []
        var starts: [Int] = []
        for text in texts {
            starts.append(keys.count)
            keys += Array(text.utf8)
        }
        starts.append(keys.count)
        var capacity = 64
        while capacity < texts.count * 4 { capacity *= 2 }
        var slots = Array(repeating: Int32(0), count: capacity)
        keys.withUnsafeBufferPointer { buffer in
            for index in texts.indices {
                var slot = Self.hash(buffer, starts[index]..<starts[index + 1]) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(index + 1)
            }
        }
        self.keys = keys
        self.starts = starts
        self.slots = slots
        mask = capacity - 1
    }

    /// The word spelled exactly by these bytes, if the catalog has it.
    package func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32? {
        let length = range.count
        guard length > 0, length <= Catalog.longestName else { return nil }
        var slot = Self.hash(bytes, range) & mask
        return keys.withUnsafeBufferPointer { keys -> Int32? in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                let word = Int(entry) - 1
                let start = starts[word]
                if starts[word + 1] - start == length,
                    memcmp(keys.baseAddress! + start, bytes.baseAddress! + range.lowerBound, length) == 0
                {
                    return Int32(word)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The word spelled exactly by `text`, if the catalog has it.
    package func lookup(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { lookup($0, 0..<$0.count) }
    }

    /// Length, first and last eight bytes: enough to tell catalog spellings apart, and cheap
    /// whatever the length (the reader calls this for every scope entry of the fleet).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!) + range.lowerBound
        let count = range.count
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if count >= 8 {
            head = base.loadUnaligned(as: UInt64.self)
            tail = (base + count - 8).loadUnaligned(as: UInt64.self)
        } else {
            for offset in 0..<count { head = head << 8 | UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) }
        }
        var mixed = head &* 0x9E37_79B9_7F4A_7C15 ^ (tail &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed)
    }
}
