/// Finds the grants in a text input one line (or table row) at a time, remembering between
/// lines only the header of the table being read and a scope copied alone on its line whose
/// level's line is still to come. Scope names and levels are the catalog's, matched by words
/// longest first ("Checkout Content Modify" is Checkout Content); words after a level are passed
/// over. It fails closed: an unknown name given a level is kept, for the engine to report, and
/// a line naming a scope and a level it cannot pair is an error.
struct TextGrants {
    static let namePhrases = PhraseTrie.namePhrases(.bigCommerce)
    static let levelPhrases = PhraseTrie.levelPhrases(.bigCommerce)
    /// Words people put between a scope and its level ("Orders access: Modify"). Nouns only: a
    /// verb between them is prose ("products to create listings"); "Orders set to Modify" is
    /// read by its "to".
    static let fillerWords = ["access", "scope", "permission", "level", "setting"]
    /// Words in a table header over the level column ("Permission Level", "Value to be selected").
    static let levelHeaderWords = ["level", "access", "permission", "value", "setting"]
    /// The catalog's spellings, held here so a grant's lookup does not copy the table.
    static let spellings = Catalog.bigCommerce.spellings
    /// Every word the reader compares: a line's words are cut with their numbers here.
    static let vocabulary = PhraseWords(
        ["to", "and", "or"] + fillerWords + levelHeaderWords + namePhrases.flatMap(\.words)
            + levelPhrases.flatMap(\.words))
    static let names = PhraseTrie(namePhrases, vocabulary: vocabulary, folded: true)
    static let levels = PhraseTrie(levelPhrases, vocabulary: vocabulary, folded: false)
    static let (to, and, or) = (vocabulary.lookup("to"), vocabulary.lookup("and"), vocabulary.lookup("or"))
    /// By word number, whether a folded key is a filler or a level header.
    static let fillers = numbered(fillerWords)
    static let levelHeaders = numbered(levelHeaderWords)

    private static func numbered(_ words: [String]) -> Set<Int32> { Set(words.map { vocabulary.lookup($0) }) }

    /// The words of `text` numbered by the vocabulary.
    static func words(in text: Substring, column: Int = 1) -> [TextWord] {
        TextWord.words(in: text, column: column, vocabulary: vocabulary)
    }
    /// Every UI name and alias as a name key, by length: what an unknown name may be close to.
    static let nameKeys: [Int: [[UInt8]]] = Dictionary(
        grouping: Catalog.bigCommerce.scopes.flatMap { [$0.name] + $0.nameAliases }.map {
            Array(Catalog.nameKey($0).utf8)
        },
        by: \.count)

    let file: String
    /// The current table's header: its level column, or the level each column stands for (a
    /// header of levels, with a mark in each row under one).
    private var header: (levelColumn: Int?, levels: [Int: String])?
    /// A scope alone on its line (a table copied one cell per line), for the next few lines.
    private var pendingCell: (key: String, position: TextPosition, linesLeft: Int)?

    init(file: String) { self.file = file }

    mutating func endTable() { header = nil }

    /// The grants of one line with bullets and numbers removed; `column` is where `body` starts.
    /// A line without `|` or a tab (`mayHoldCells` false) is no table row.
    mutating func read(_ body: Substring, line: Int, column: Int, mayHoldCells: Bool) throws(ScopeLintError)
        -> [ScopeEntry]
    {
        if mayHoldCells, let cells = Self.cells(body, column: column) {
            pendingCell = nil
            return try readRow(cells, line: line)
        }
        header = nil
        var scan = LineScan(words: Self.words(in: body, column: column), body: body, line: line)
        try scan.run(file: file)
        if !scan.entries.isEmpty {
            pendingCell = nil
            return scan.entries
        }
        return try readCell(scan)
    }

    /// Whether the text is a level label and nothing else.
    static func isLevel(_ text: Substring) -> Bool {
        let words = Self.words(in: text)
        return !words.isEmpty && LineScan.levelRun(words, from: 0)?.upperBound == words.count
    }

    /// A line of a table copied one cell per line: a scope alone, then within three lines a
    /// level alone. A level alone with no scope before it is an error (the columns may be the
    /// other way round, and pairing it with the next scope would read every row wrong).
    private mutating func readCell(_ scan: LineScan) throws(ScopeLintError) -> [ScopeEntry] {
        let words = scan.words
        guard !words.isEmpty else { return [] }
        if Self.names.longest(words, from: 0)?.end == words.count {
            let position = TextPosition(line: scan.line, column: words[0].column)
            pendingCell = (scan.text(0..<words.count), position, 3)
            return []
        }
        if let level = LineScan.levelRun(words, from: 0), level.upperBound == words.count {
            guard let cell = pendingCell else {
                throw .invalid(
                    file: file, position: TextPosition(line: scan.line, column: words[0].column),
                    message:
                        "expected a scope before the level '\(Redactor.redact(scan.text(level)))': a table copied one cell per line gives each scope's cell before its level's; write it as 'Scope: level'"
                )
            }
            pendingCell = nil
            return [ScopeEntry(key: cell.key, level: scan.text(level), position: cell.position)]
        }
        if let cell = pendingCell {
            pendingCell = cell.linesLeft > 1 ? (cell.key, cell.position, cell.linesLeft - 1) : nil
        }
        return []
    }

    typealias Cell = (text: Substring, column: Int)

    /// The cells of a table row (split at `|` and tabs), or nil when the line has fewer than two.
    static func cells(_ body: Substring, column: Int) -> [Cell]? {
        // A Character "|" or tab is that byte: lines without either byte are passed over as bytes.
        var bytes = body
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: "|") || $0 == 0x09 } }),
            body.contains(where: { $0 == "|" || $0 == "\t" })
        else { return nil }
        var cells: [Cell] = []
        let scalars = body.unicodeScalars
        var start = scalars.startIndex
        var startColumn = column
        var column = column
        for index in scalars.indices {
            column += 1
            if scalars[index] == "|" || scalars[index] == "\t" {
                cells.append((Substring(scalars[start..<index]), startColumn))
                start = scalars.index(after: index)
                startColumn = column
            }
        }
        cells.append((Substring(scalars[start...]), startColumn))
        return cells.count { !$0.text.trimmed.isEmpty } >= 2 ? cells : nil
    }

    /// A table row: the name is the first cell that starts with a scope name; the level is the
    /// cell under the header's level column, else the next cell with text. Other cells
    /// (explanations) are passed over. A header row is remembered until the table ends.
    private mutating func readRow(_ cells: [Cell], line: Int) throws(ScopeLintError) -> [ScopeEntry] {
        // Markdown's |---|:---:| row.
        if cells.allSatisfy({ $0.text.allSatisfy { "-:=+ ".contains($0) } }) { return [] }
        let scans = cells.map {
            LineScan(words: Self.words(in: $0.text, column: $0.column), body: $0.text, line: line)
        }
        let filled = cells.indices.filter { !cells[$0].text.trimmed.isEmpty }
        guard let nameCell = scans.indices.first(where: { scans[$0].nameEnd != nil }) else {
            return readUnnamedRow(scans, filled: filled)
        }
        // Pairs inside the cells ("Orders: modify | Products: read-only").
        var inCells = scans[nameCell]
        try inCells.run(file: file)
        if !inCells.entries.isEmpty {
            var entries: [ScopeEntry] = []
            for var scan in scans where scan.nameEnd != nil {
                try scan.run(file: file)
                entries += scan.entries
            }
            return entries
        }
        let name = scans[nameCell]
        let key = name.text(0..<(name.nameEnd ?? 0))
        let position = TextPosition(line: line, column: name.words[0].column)
        if let levels = header?.levels, !levels.isEmpty {
            guard let marked = filled.first(where: { $0 > nameCell && levels[$0] != nil }) else { return [] }
            return [ScopeEntry(key: key, level: levels[marked], position: position)]
        }
        let column = header?.levelColumn.flatMap { $0 != nameCell && $0 < cells.count ? $0 : nil }
        guard let levelCell = column ?? filled.first(where: { $0 > nameCell }),
            !cells[levelCell].text.trimmed.isEmpty
        else { return [] }
        let level = scans[levelCell]
        if let run = LineScan.levelRun(level.words, from: 0) {
            if column == nil {
                // A table with a level column per setup (BigCommerce for WordPress: "Full Import",
                // "Fast Headless"): reading the first would be a guess where they differ.
                let chosen = level.text(run)
                for other in filled where other > levelCell {
                    let words = scans[other].words
                    guard let otherRun = LineScan.levelRun(words, from: 0), otherRun == 0..<words.count else {
                        continue
                    }
                    let text = scans[other].text(otherRun)
                    if Catalog.levelKey(text) != Catalog.levelKey(chosen) {
                        throw .invalid(
                            file: file, position: TextPosition(line: line, column: words[0].column),
                            message:
                                "expected one level per row; this row gives '\(Redactor.redact(chosen))' and '\(Redactor.redact(text))' in two columns (one per setup?), so which applies is unclear. Keep only the column for your setup, or write the grant as '\(Redactor.redact(key)): level'"
                        )
                    }
                }
            }
            return [ScopeEntry(key: key, level: level.text(run), position: position)]
        }
        // A known scope with something else as its level: Grants reports the level it does not have.
        return [ScopeEntry(key: key, level: String(TextListReader.trimValue(level.body)), position: position)]
    }

    /// A row with no scope name: a header (remembered), or an unknown name with a level (kept,
    /// so the engine reports it), or nothing.
    private mutating func readUnnamedRow(_ scans: [LineScan], filled: [Int]) -> [ScopeEntry] {
        let levelColumns = filled.filter {
            LineScan.levelRun(scans[$0].words, from: 0)?.upperBound == scans[$0].words.count
        }
        if levelColumns.count >= 2 {
            header = (nil, Dictionary(uniqueKeysWithValues: levelColumns.map { ($0, String(scans[$0].body.trimmed)) }))
            return []
        }
        if let first = filled.first, let next = header?.levelColumn ?? filled.first(where: { $0 > first }),
            next != first, next < scans.count
        {
            let name = scans[first].words
            let level = scans[next].words
            if (1...6).contains(name.count), let run = LineScan.levelRun(level, from: 0),
                run.upperBound == level.count || Self.isNear(name[...], in: scans[first].body)
            {
                let position = TextPosition(line: scans[first].line, column: name[0].column)
                return [
                    ScopeEntry(key: scans[first].text(0..<name.count), level: scans[next].text(run), position: position)
                ]
            }
        }
        if header == nil,
            let column = filled.first(where: { scans[$0].words.contains { Self.levelHeaders.contains($0.foldedWord) } })
        {
            header = (column, [:])
        }
        return []
    }

    /// Whether words that name no scope are close to a name the catalog knows ("Ordrs"): one
    /// edit for a short name, two for a longer one, keeping its first or last letter (which
    /// spares prose most comparisons).
    static func isNear(_ words: ArraySlice<TextWord>, in text: Substring) -> Bool {
        // Measured before joining: a word may be megabytes long. An ASCII word's key has its
        // length; another's is made to be measured (lower-casing may change it).
        var length = 0
        for word in words {
            let bytes = text.utf8[word.indices(in: text)]
            length += bytes.allSatisfy { $0 < 0x80 } ? bytes.count : word.key(in: text).utf8.count
            if length > Catalog.longestName { return false }
        }
        guard length >= 4 else { return false }
        let key = words.flatMap { $0.key(in: text).utf8 }
        let limit = key.count < 6 ? 1 : 2
        return (key.count - limit...key.count + limit).contains { length in
            nameKeys[length, default: []].contains {
                ($0.first == key.first || $0.last == key.last) && Suggestions.isWithin(limit, key, $0)
            }
        }
    }
}

/// One line (or cell) read word by word. A scope name followed by a level (across separators
/// and filler words) is a grant, and so is each name of a list before it ("Orders, Customers:
/// modify"); capitalized names with no level get the level of a later "to <level>" ("set
/// “Orders” and “Products” to Read-only"); a level first gives its level to the names after
/// it ("Read-only: Orders, Products"); a level after an unknown name is kept with that name
/// when the line is "Name: level" or the name is close to a known one.
struct LineScan {
    let words: [TextWord]
    /// The text the words were cut from.
    let body: Substring
    let line: Int
    private(set) var entries: [ScopeEntry] = []

    init(words: [TextWord], body: Substring, line: Int) {
        self.words = words
        self.body = body
        self.line = line
    }

    /// Where the scope name the text starts with ends, if it starts with one.
    var nameEnd: Int? { TextGrants.names.longest(words, from: 0)?.end }

    /// The text of the words in `range` as written, and its word in `Catalog.spellings` (-1
    /// when the catalog does not spell it so): a spelling the catalog has is its shared string,
    /// not a new one per grant, and the entry need not look it up again.
    func spelled(_ range: Range<Int>) -> (text: String, word: Int32) {
        let span = words[range.lowerBound].range.lowerBound..<words[range.upperBound - 1].range.upperBound
        var body = body
        return body.withUTF8 { bytes in
            if let word = TextGrants.spellings.lookup(bytes, span) {
                return (TextGrants.spellings.words[Int(word)].text, word)
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self), -1)
        }
    }

    func text(_ range: Range<Int>) -> String { spelled(range).text }

    private func name(at index: Int) -> Int? { TextGrants.names.longest(words, from: index)?.end }

    private mutating func add(_ name: Range<Int>, level: Range<Int>) { add(name, level: spelled(level)) }

    private mutating func add(_ name: Range<Int>, level: (text: String, word: Int32?)) {
        let key = spelled(name)
        entries.append(
            ScopeEntry(
                key: key.text, level: level.text,
                position: TextPosition(line: line, column: words[name.lowerBound].column), keyWord: key.word,
                levelWord: level.word))
    }

    mutating func run(file: String) throws(ScopeLintError) {
        var index = 0
        // Words before `start` are read, or belong to a scope name: an unknown name begins after.
        var start = 0
        // Names meant as labels with no level yet, in order; those from `sentenceStart` on are
        // in the current sentence (a pair takes names off the end, "to <level>" takes them all).
        var pending: [Range<Int>] = []
        var sentenceStart = 0
        var list: [Range<Int>] = []
        var joined = false
        // A pending name and a level after it in the same sentence that nothing paired.
        var unpaired: (name: Range<Int>, level: Range<Int>)?
        // After a scope and its level, the rest of the line explains it ("Orders Read-only Orders
        // are read to attribute sales"): only more pairs are read from it.
        var explaining = false
        while index < words.count {
            if words[index].gap.contains(.sentence) { sentenceStart = pending.count }
            if let end = name(at: index) {
                // A name meant as a label: capitalized, as pages write them, or starting the line
                // or a field; "create an account" in prose is no grant.
                let meant =
                    index == 0 || words[index].capitalized
                    || !words[index].gap.isDisjoint(with: [.separator, .list, .sentence])
                let continues = list.last?.upperBound == index && words[index].gap.contains(.list)
                if !meant || !(joined || continues) { list = [] }
                if meant { list.append(index..<end) }
                joined = false
                if meant, let level = levelAfter(end) {
                    for name in list { add(name, level: level) }
                    while let last = pending.last, last.lowerBound >= list[0].lowerBound { pending.removeLast() }
                    sentenceStart = min(sentenceStart, pending.count)
                    list = []
                    explaining = true
                    (index, start) = (level.upperBound, level.upperBound)
                    continue
                }
                if index == 0, end < words.count, words[end].gap.contains(.separator) {
                    // "Products: Modfy": the value as written; Grants reports a level the scope does not have.
                    let value = body[body.utf8.index(body.startIndex, offsetBy: words[end].range.lowerBound)...]
                    add(0..<end, level: (String(TextListReader.trimValue(value)), nil))
                    return
                }
                if meant && !explaining { pending.append(index..<end) }
                (index, start) = (end, end)
                continue
            }
            if let level = Self.levelRun(words, from: index) {
                list = []
                joined = false
                if index > 0, words[index - 1].keyWord == TextGrants.to, !pending.isEmpty {
                    for name in pending { add(name, level: level) }
                    (pending, sentenceStart) = ([], 0)
                } else if index == 0, level.upperBound < words.count, words[level.upperBound].gap.contains(.separator),
                    name(at: level.upperBound) != nil
                {
                    var at = level.upperBound
                    while at < words.count {
                        if let end = name(at: at) {
                            add(at..<end, level: level)
                            at = end
                        } else if words[at].keyWord == TextGrants.and || words[at].keyWord == TextGrants.or {
                            at += 1
                        } else {
                            break
                        }
                    }
                    (index, start) = (at, at)
                    continue
                } else if let name = unknownName(before: index, from: start, level: level) {
                    add(name, level: level)
                } else {
                    if unpaired == nil, !explaining, sentenceStart < pending.count {
                        unpaired = (pending[sentenceStart], level)
                    }
                    index = level.upperBound
                    continue
                }
                (index, start) = (level.upperBound, level.upperBound)
                continue
            }
            joined =
                list.last?.upperBound == index
                && (words[index].keyWord == TextGrants.and || words[index].keyWord == TextGrants.or)
            if !joined { list = [] }
            index += 1
        }
        // Unless a later "to <level>" gave the name its level, the line says something about a
        // grant that cannot be read: fail closed.
        if let (name, level) = unpaired, pending.contains(name) {
            throw .invalid(
                file: file, position: TextPosition(line: line, column: words[name.lowerBound].column),
                message:
                    "expected '\(Redactor.redact(text(name))): <level>'; this sentence names the scope and the level '\(Redactor.redact(text(level)))' apart, so what it grants is unclear. Write the grant as 'Scope: level', or remove the line if it grants nothing"
            )
        }
    }

    /// The level after a scope name ending at `end`, across separators and filler words but
    /// not across a comma ("accounts, create one") or the end of a sentence.
    private func levelAfter(_ end: Int) -> Range<Int>? {
        var at = end
        while at < words.count, words[at].gap.isDisjoint(with: [.sentence, .list]) {
            guard TextGrants.fillers.contains(words[at].foldedWord) else { return Self.levelRun(words, from: at) }
            at += 1
        }
        return nil
    }

    /// An unknown name ending just before the level at `index`: the whole "Name: level" line
    /// (up to six words, nothing after the level but the next scope), or the last words when
    /// they start a field (the line, or after a separator or comma) and are close to a known name.
    private func unknownName(before index: Int, from start: Int, level: Range<Int>) -> Range<Int>? {
        guard index > start else { return nil }
        if index - start <= 6, words[index].gap.contains(.separator),
            level.upperBound == words.count || name(at: level.upperBound) != nil,
            !words[(start + 1)..<index].contains(where: { $0.gap.contains(.sentence) })
        {
            return start..<index
        }
        // A whole short line of capitalized words and a level ("Webhooks modify") is written as
        // a grant, even with only a space between: kept, so the engine reports a name it does
        // not know rather than the line passing unread. Prose has lowercase words ("then modify").
        if start == 0, index <= 3, level.upperBound == words.count, words[..<index].allSatisfy(\.capitalized),
            !words[1...index].contains(where: { $0.gap.contains(.sentence) })
        {
            return start..<index
        }
        for first in max(start, index - 4)..<index
        where first == start || !words[first].gap.isDisjoint(with: [.separator, .list, .sentence]) {
            if TextGrants.isNear(words[first..<index], in: body) { return first..<index }
        }
        return nil
    }

    /// The level phrase at `start`, and when more follow ("None → Modify", "none to modify")
    /// the last of them: the level a change ends at. A phrase that starts a scope name
    /// ("Create Payments") is no level.
    static func levelRun(_ words: [TextWord], from start: Int) -> Range<Int>? {
        func level(at index: Int) -> Int? {
            guard TextGrants.names.longest(words, from: index) == nil else { return nil }
            return TextGrants.levels.longest(words, from: index)?.end
        }
        guard let first = level(at: start) else { return nil }
        var run = start..<first
        while true {
            var next = run.upperBound
            if next < words.count, words[next].keyWord == TextGrants.to { next += 1 }
            guard next < words.count, !words[next].gap.contains(.sentence), let end = level(at: next) else {
                return run
            }
            run = next..<end
        }
    }
}
