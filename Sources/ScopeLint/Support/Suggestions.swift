/// "Did you mean" candidates for a misspelt key, id or name.
package enum Suggestions {

    /// The candidates within a small edit distance of `word`, closest first.
    package static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 2) -> [String] {
        // No name scopelint knows is near a word this long; skip the quadratic comparison.
        guard word.utf8.count <= 80 else { return [] }
        let target = Array(word.lowercased().unicodeScalars)
        let threshold = max(2, target.count / 3)
        var scored: [(Int, String)] = []
        for candidate in candidates {
            // The distance is at least the difference in length: skip what cannot be close.
            if abs(candidate.unicodeScalars.count - target.count) > threshold { continue }
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Whether `a` becomes `b` in at most `limit` edits. Only a band `limit` wide either side of
    /// the table's diagonal is filled, so the cost is the length times the limit.
    static func isWithin(_ limit: Int, _ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard abs(a.count - b.count) <= limit else { return false }
        guard !a.isEmpty, !b.isEmpty else { return true }
        let far = limit + 1
        var previous = (0...b.count).map { min($0, far) }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, far) : far
            var best = current[low - 1]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution, far)
                    best = min(best, current[j])
                }
            }
            if high < b.count { current[high + 1] = far }
            if best > limit { return false }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit
    }

    /// " (did you mean 'x'?)" or "" when nothing is close.
    static func hint(for word: String, in candidates: [String]) -> String {
        hint(suggestions(for: word, in: candidates))
    }

    /// " (did you mean 'x' or 'y'?)" for suggestions found earlier, "" for none.
    static func hint(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : " (did you mean '\(suggestions.joined(separator: "' or '"))'?)"
    }

    /// The names `hint` would offer for `word`, closest first.
    static func suggestions(for word: String, in candidates: [String]) -> [String] {
        closest(to: word, in: candidates)
    }

    /// Suggestions for the unknown names of one report, looked for in report order with a
    /// budget of distinct names: a file of a million made-up scopes must not spend minutes on
    /// "did you mean", and which findings carry a hint depends on the input alone, never on
    /// which thread asked first. A fleet repeats the same names, so answers are kept.
    package struct Budget {
        private var known: [String: [String]] = [:]
        private let maximumWords: Int

        package init(maximumWords: Int = 1_000) { self.maximumWords = maximumWords }

        package mutating func suggestions(for word: String, in candidates: [String]) -> [String] {
            if let found = known[word] { return found }
            guard known.count < maximumWords else { return [] }
            let found = Suggestions.closest(to: word, in: candidates)
            known[word] = found
            return found
        }
    }
}
