/// Phrases of one or more words (scope names, level labels) matched longest first: a trie over
/// words, so finding the phrase at a position costs one lookup per word of the longest phrase,
/// whatever the number of phrases. Its edges are keyed by the words' numbers in `PhraseWords`,
/// so a lookup is a multiplication and a comparison of integers, not a hash of a `String`.
struct PhraseTrie<Value: Sendable>: Sendable {
    /// Whether a text word is looked up by its folded key (names) or its key (levels).
    private let folded: Bool
    private var values: [Value?] = [nil]
    /// Open addressing: an edge's parent node and word number packed, and the child it leads
    /// to; `UInt64.max` is an empty slot.
    private var edgeKeys: [UInt64] = []
    private var edgeChildren: [Int32] = []
    private var mask = 0

    /// The phrases, each by its words as keys (folded when `folded`); the first value given for
    /// a phrase stays. Every word must be in `vocabulary`.
    init(_ phrases: [(words: [String], value: Value)], vocabulary: PhraseWords, folded: Bool) {
        self.folded = folded
        var edges: [(key: UInt64, child: Int32)] = []
        var children: [UInt64: Int32] = [:]
        for (words, value) in phrases {
            var node: Int32 = 0
            for word in words {
                let number = vocabulary.lookup(word)
                precondition(number >= 0, "a phrase word not in the vocabulary")
                let key = Self.edge(node, number)
                if let child = children[key] {
                    node = child
                } else {
                    values.append(nil)
                    node = Int32(values.count - 1)
                    children[key] = node
                    edges.append((key, node))
                }
            }
            if values[Int(node)] == nil { values[Int(node)] = value }
        }
        var capacity = 64
        while capacity < edges.count * 4 { capacity *= 2 }
        edgeKeys = Array(repeating: .max, count: capacity)
        edgeChildren = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, child) in edges {
            var slot = Self.slot(key) & mask
            while edgeKeys[slot] != .max { slot = (slot + 1) & mask }
            edgeKeys[slot] = key
            edgeChildren[slot] = child
        }
    }

    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) }

    private func child(_ node: Int32, _ word: Int32) -> Int32? {
        guard word >= 0 else { return nil }
        let key = Self.edge(node, word)
        var slot = Self.slot(key) & mask
        while true {
            let found = edgeKeys[slot]
            if found == key { return edgeChildren[slot] }
            if found == .max { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The longest phrase starting at `words[start]`, as the index after its last word and its
    /// value. A phrase goes on only across a gap that joins words (spaces, hyphens).
    func longest(_ words: [TextWord], from start: Int) -> (end: Int, value: Value)? {
        var node: Int32 = 0
        var index = start
        var found: (end: Int, value: Value)?
        while index < words.count, index == start || words[index].gap.contains(.joins),
            let child = child(node, folded ? words[index].foldedWord : words[index].keyWord)
        {
            node = child
            index += 1
            if let value = values[Int(node)] { found = (index, value) }
        }
        return found
    }
}

extension PhraseTrie where Value == ScopeID {
    /// Every UI name and alias of the catalog, by its words with plurals folded, as
    /// `Catalog.scope(named:)` folds them; also run together as one word ("storelogs").
    static func namePhrases(_ catalog: Catalog) -> [(words: [String], value: ScopeID)] {
        catalog.scopes.flatMap { scope in
            ([scope.name] + scope.nameAliases).flatMap { name in
                let text = Substring(name)
                return [
                    (TextWord.words(in: text).map { $0.folded(in: text) }, scope.id),
                    ([TextWord.fold(Catalog.nameKey(name))], scope.id),
                ]
            }
        }
    }
}

extension PhraseTrie where Value == Bool {
    /// Every level label of every scope (and the guides' "non"), by its words and run
    /// together, as `Catalog.level` reads them ("read only", "Read-only", "readonly").
    static func levelPhrases(_ catalog: Catalog) -> [(words: [String], value: Bool)] {
        var labels = ["non"]
        for scope in catalog.scopes {
            for level in scope.levels { labels += [level.name] + level.spellings }
        }
        return labels.flatMap { label in
            let text = Substring(label)
            return [(TextWord.words(in: text).map { $0.key(in: text) }, true), ([Catalog.levelKey(label)], true)]
        }
    }
}
