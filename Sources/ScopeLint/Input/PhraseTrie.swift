/// Phrases of one or more words (scope names, level labels) matched longest first: a trie over
/// words, so finding the phrase at a position costs one lookup per word of the longest phrase,
/// whatever the number of phrases.
struct PhraseTrie<Value: Sendable>: Sendable {
    private var children: [[String: Int]] = [[:]]
    private var values: [Value?] = [nil]

    /// Adds a phrase; the first value given for a phrase stays.
    mutating func insert(_ words: [String], _ value: Value) {
        var node = 0
        for word in words {
            if let child = children[node][word] {
                node = child
            } else {
                children.append([:])
                values.append(nil)
                children[node][word] = children.count - 1
                node = children.count - 1
            }
        }
        if values[node] == nil { values[node] = value }
    }

    /// The longest phrase starting at `words[start]`, as the index after its last word and its
    /// value. A phrase goes on only across a gap that joins words (spaces, hyphens).
    func longest(_ words: [TextWord], from start: Int, key: (TextWord) -> String) -> (end: Int, value: Value)? {
        var node = 0
        var index = start
        var found: (end: Int, value: Value)?
        while index < words.count, index == start || words[index].gap.contains(.joins),
            let child = children[node][key(words[index])]
        {
            node = child
            index += 1
            if let value = values[node] { found = (index, value) }
        }
        return found
    }
}

extension PhraseTrie where Value == ScopeID {
    /// Every UI name and alias of the catalog, by its words with plurals folded, as
    /// `Catalog.scope(named:)` folds them; also run together as one word ("storelogs").
    init(names catalog: Catalog) {
        for scope in catalog.scopes {
            for name in [scope.name] + scope.nameAliases {
                insert(TextWord.words(in: Substring(name)).map(\.folded), scope.id)
                insert([TextWord.fold(Catalog.nameKey(name))], scope.id)
            }
        }
    }
}

extension PhraseTrie where Value == Bool {
    /// Every level label of every scope (and the guides' "non"), by its words and run
    /// together, as `Catalog.level` reads them ("read only", "Read-only", "readonly").
    init(levels catalog: Catalog) {
        var labels = ["non"]
        for scope in catalog.scopes {
            for level in scope.levels { labels += [level.name] + level.spellings }
        }
        for label in labels {
            insert(TextWord.words(in: Substring(label)).map(\.key), true)
            insert([Catalog.levelKey(label)], true)
        }
    }
}
