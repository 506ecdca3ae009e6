/// A transcription of the control panel, or a vendor's page pasted whole. It reads a scope and
/// its level with any separator between them (`:` `-` `–` `—` `->` `→` `=>` `=` `>` `|`, tabs,
/// spaces), several pairs on one line, bullets and numbered steps, Markdown and plain tables
/// (see `TextGrants.readRow`), tables copied one cell per line, "Change X from A to B", scopes
/// named before "to <level>", and "<level>: X, Y". `Store: hash` and `Account: name` lines start
/// a new store or account; secrets become sightings. It fails closed: an unknown name given a
/// level is kept (the engine reports it), and a line that names a scope and a level it cannot
/// pair is an error (`TextGrants`).
enum TextListReader: InputReader {
    static let identifier = "text"
    static let summary =
        "lines of 'Scope name: level' with any separator, tables, bullets and steps, 'Change X from none to Y'"

    /// What a line's key names when it is no grant: a credential, a store or an account. One
    /// table, so each line's key is hashed once.
    enum LineKey {
        case secret(SecretSighting.Kind)
        case store
        case account
    }

    static let lineKeys: [String: LineKey] = SecretSighting.Kind.credentialKeys.mapValues(LineKey.secret).merging(
        ["store", "storehash", "storeid"].map { ($0, .store) }
            + ["account", "accountname", "apiaccount", "apiaccountname"].map { ($0, .account) }
    ) { secret, _ in secret }

    /// `lineKeys` by their bytes, each key's number the index of its `LineKey`.
    static let lineKeyWords = PhraseWords(lineKeys.keys.sorted())
    static let lineKeyValues = lineKeys.keys.sorted().map { lineKeys[$0]! }

    /// What the key of a "Name: value" line names, as `lineKeys[Catalog.levelKey(name)]`
    /// answers. Most lines are grants, so an ASCII key (the usual one) is made a level key in
    /// a buffer on the stack and looked up by its bytes: no String, no hash of one.
    static func lineKey(_ name: Substring) -> LineKey? {
        var bytes = name
        let found: LineKey?? = bytes.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { key in
                // Letters and digits, as `Catalog.levelKey` keeps them; no line key is longer.
                var count = 0
                for byte in bytes where (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    guard count < key.count else { return .some(nil) }
                    key[count] = byte
                    count += 1
                }
                let number = lineKeyWords.lookup(UnsafeBufferPointer(key), 0..<count)
                return .some(number < 0 ? nil : lineKeyValues[Int(number)])
            }
        }
        if let found { return found }
        return lineKeys[Catalog.levelKey(String(name))]
    }

    static func sniff(_ text: String) -> Bool { true }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        var stores: [Store] = []
        func currentStore() -> Int {
            if stores.isEmpty {
                stores.append(Store(hash: options.storeHash, name: nil, position: .start, accounts: []))
            }
            return stores.count - 1
        }
        func currentAccount(at position: TextPosition) -> (Int, Int) {
            let s = currentStore()
            if stores[s].accounts.isEmpty {
                stores[s].accounts.append(
                    Account(name: options.accountName ?? "API account", position: position, scopes: []))
            }
            return (s, stores[s].accounts.count - 1)
        }
        var grants = TextGrants(file: file)
        var sawAnything = false
        for line in text.lines {
            let body = stripBullet(line.text)
            guard !body.isEmpty else {
                grants.endTable()
                continue
            }
            let position = TextPosition(line: line.number, column: line.column(of: body.startIndex))
            let bytes = LineBytes(body)
            if let key = credentialParameter(in: body, bytes: bytes) {
                // A pasted URL or header with a token in it: reported, and the line goes no further.
                let (s, a) = currentAccount(at: position)
                stores[s].accounts[a].secrets.append(
                    SecretSighting(
                        kind: key.kind, key: String(key.text),
                        position: TextPosition(line: line.number, column: line.column(of: key.text.startIndex))))
                sawAnything = true
                continue
            }
            if let (name, level) = changePhrase(body) {
                let (s, a) = currentAccount(at: position)
                stores[s].accounts[a].scopes.append(
                    ScopeEntry(
                        key: String(name), level: String(level),
                        position: TextPosition(line: line.number, column: line.column(of: name.startIndex))))
                sawAnything = true
                continue
            }
            // The name is quoted: a line without a quote's first byte holds none.
            if bytes.has(0x22) || bytes.curly, let named = accountNamePhrase(body), options.accountName == nil {
                // Guides say how to name the account ('Please name the Account "Modern Retail
                // Integration"'); that name is what the integration's policy matches.
                let s = currentStore()
                if let last = stores[s].accounts.indices.last, stores[s].accounts[last].scopes.isEmpty {
                    stores[s].accounts[last].name = named
                } else {
                    stores[s].accounts.append(Account(name: named, position: position, scopes: []))
                }
                continue
            }
            // The value is trimmed only for a key that uses it: most lines are grants.
            if let (key, rest) = keyValue(body), let lineKey = lineKey(key),
                case let value = trimValue(rest), !value.isEmpty
            {
                let name = keyName(key)
                let namePosition = TextPosition(line: line.number, column: line.column(of: name.startIndex))
                switch lineKey {
                case .secret(let kind):
                    let (s, a) = currentAccount(at: position)
                    stores[s].accounts[a].secrets.append(
                        SecretSighting(kind: kind, key: String(name), position: namePosition))
                    sawAnything = true
                    continue
                case .store:
                    stores.append(Store(hash: String(value), name: nil, position: namePosition, accounts: []))
                    sawAnything = true
                    continue
                case .account:
                    // "Account: read-only" grants the Account scope; any other value names the account.
                    if !TextGrants.isLevel(value) {
                        let s = currentStore()
                        stores[s].accounts.append(Account(name: String(value), position: namePosition, scopes: []))
                        sawAnything = true
                        continue
                    }
                }
            }
            var entries = try grants.read(
                body, line: line.number, column: position.column, mayHoldCells: bytes.has(0x7C) || bytes.has(0x09))
            if !entries.isEmpty {
                let (s, a) = currentAccount(at: entries[0].position)
                // Most lines hold one grant: moved out of the line's array, not copied and released.
                if entries.count == 1 {
                    stores[s].accounts[a].scopes.append(entries.removeLast())
                } else {
                    stores[s].accounts[a].scopes += entries
                }
                sawAnything = true
            }
        }
        guard sawAnything else {
            throw .invalid(
                file: file, position: .start,
                message:
                    "found no 'Scope: level' line, scope parameter, CSV header or export in this input; say which shape it is with --from (\(InputFormat.identifiers.joined(separator: ", ")))"
            )
        }
        stores.removeAll { $0.accounts.isEmpty }
        return Export(file: file, stores: stores)
    }

    /// Removes list markers: `-`, `*`, `•`, `–`, `—`, `·`, `>` and numbers like `1.`, `10)`.
    static func stripBullet(_ line: Substring) -> Substring {
        // Spaces, ASCII markers and numbers are removed as bytes, in one look at the line's
        // buffer, and the line is sliced once (slicing a Substring checks its indices). Each
        // step is the Characters' own where its bytes and their neighbours are ASCII (such a
        // byte is a Character alone, a line holding no CR); at the first step that is not
        // (`•`, a mark after a marker, a no-break space) the Characters take over from there.
        var whole = line
        let (start, end, decided) = whole.withUTF8 { bytes -> (Int, Int, Bool) in
            var (start, end) = (0, bytes.count)
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            while true {
                while start < end, isSpace(bytes[start]) {
                    guard start + 1 == end || bytes[start + 1] < 0x80 else { return (start, end, false) }
                    start += 1
                }
                while end > start, isSpace(bytes[end - 1]) {
                    guard end - 1 == start || bytes[end - 2] < 0x80 else { return (start, end, false) }
                    end -= 1
                }
                // A no-break space ends the line: trimmed as a Character.
                if end - 2 >= start, bytes[end - 1] == 0xA0, bytes[end - 2] == 0xC2 { return (start, end, false) }
                guard start < end else { return (start, end, true) }
                let byte = bytes[start]
                let next = start + 1 < end ? bytes[start + 1] : 0
                // `•` and the other markers that are not ASCII, a no-break space, a mark after a marker.
                guard byte < 0x80 else { return (start, end, false) }
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: ">") {
                    guard next < 0x80 else { return (start, end, false) }
                    start += 1
                    continue
                }
                var digits = start
                while digits < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digits]) { digits += 1 }
                guard digits > start, digits - start <= 3, digits < end,
                    bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")")
                else {
                    // No marker and no numbering; unless a byte after the digits is not ASCII (a
                    // mark may join the last digit), when the Characters count them.
                    return (start, end, digits == end || bytes[digits] < 0x80)
                }
                guard digits + 1 == end || bytes[digits + 1] < 0x80 else { return (start, end, false) }
                start = digits + 1
            }
        }
        let utf8 = line.utf8
        let text =
            start == 0 && end == utf8.count
            ? line : line[utf8.index(line.startIndex, offsetBy: start)..<utf8.index(line.startIndex, offsetBy: end)]
        return decided ? text : stripBulletCharacters(text)
    }

    /// `stripBullet` from where a Character decides on.
    private static func stripBulletCharacters(_ line: Substring) -> Substring {
        var text = line.trimmed
        while true {
            if let first = text.first, "-*•–—·>".contains(first) {
                text = text.dropFirst().trimmed
                continue
            }
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 3 {
                let rest = text.dropFirst(digits.count)
                if let mark = rest.first, mark == "." || mark == ")" {
                    text = rest.dropFirst().trimmed
                    continue
                }
            }
            return text
        }
    }

    /// 'name the Account "Modern Retail Integration"' (any case, straight or curly quotes).
    static func accountNamePhrase(_ body: Substring) -> String? {
        // The name is quoted: a line without a quote is passed over without lowering it.
        var bytes = body
        guard bytes.withUTF8({ $0.contains { $0 == 0x22 || $0 == 0xE2 } }) else { return nil }
        let lower = String(body.map { $0.isASCII ? Character($0.lowercased()) : $0 })
        guard let phrase = lower.range(of: "name the account ") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: phrase.upperBound)
        let rest = body.dropFirst(offset)
        guard let open = rest.first, "\"“".contains(open) else { return nil }
        let name = rest.dropFirst().prefix { !"\"”".contains($0) }
        guard !name.isEmpty, name.count < rest.count - 1 else { return nil }
        return String(name)
    }

    static let changeBytes = Array("change ".utf8)

    /// "Change Customers from none to modify" (any case; text after the level is ignored).
    static func changePhrase(_ body: Substring) -> (Substring, Substring)? {
        // Compared as bytes first: a line whose bytes do not start "change " (any case) cannot
        // start with those Characters, and most lines are passed over without lowering them.
        var line = body
        guard
            line.withUTF8({ bytes in
                bytes.count >= 7
                    && zip(bytes, changeBytes).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
            })
        else { return nil }
        // Lower-cased ASCII only, so `lower` and `body` have the same characters at the same
        // offsets (full Unicode lower-casing can change lengths; a fuzzer found the mismatch).
        let lower = body.map { $0.isASCII ? Character($0.lowercased()) : $0 }
        func find(_ word: String, from start: Int) -> Int? {
            let needle = Array(word)
            guard lower.count >= needle.count, start <= lower.count - needle.count else { return nil }
            return (start...(lower.count - needle.count)).first { lower[$0..<$0 + needle.count].elementsEqual(needle) }
        }
        guard lower.starts(with: Array("change ")),
            let from = find(" from ", from: 6), from > 6,
            let to = find(" to ", from: from + 6)
        else { return nil }
        func offset(_ n: Int) -> Substring.Index { body.index(body.startIndex, offsetBy: n) }
        let name = body[offset(7)..<offset(from)].trimmed
        var level = body[offset(to + 4)...].trimmed
        if let end = level.firstIndex(where: { ".,;".contains($0) }) { level = level[..<end] }
        if let dash = level.range(of: " - ") { level = level[..<dash.lowerBound] }
        level = level.trimmed
        guard !name.isEmpty, !level.isEmpty else { return nil }
        return (name, level)
    }

    /// Credentials written as a query parameter or a header anywhere in a line
    /// (`?access_token=…`, `X-Auth-Token: …`), in any letter case.
    static let credentialParameters: [(String, SecretSighting.Kind)] = [
        ("access_token=", .accessToken), ("refresh_token=", .accessToken), ("client_secret=", .clientSecret),
        ("x-auth-token:", .accessToken), ("x-auth-token =", .accessToken), ("authorization: bearer", .accessToken),
    ]

    /// The first credential parameter in `body`: its name as written, and its kind.
    static func credentialParameter(in body: Substring, bytes present: LineBytes) -> (
        text: Substring, kind: SecretSighting.Kind
    )? {
        // Which ASCII bytes (lowered) the line has: a needle with a byte the line lacks is not
        // looked for, and most lines lack one of every needle.
        guard present.count >= credentialShortest, present.has(UInt8(ascii: "=")) || present.has(UInt8(ascii: ":"))
        else { return nil }
        var line = body
        // The line's bytes with ASCII letters lowered as they are compared: no lowered copy per
        // line, and a match is at the line's own offsets.
        let found: (offset: Int, parameter: Int)? = line.withUTF8 { bytes in
            // The masks first: a needle (an array) is touched only when the line may hold it.
            for (parameter, mask) in credentialMasks.enumerated()
            where mask.low & present.ascii.low == mask.low && mask.high & present.ascii.high == mask.high {
                let needle = credentialNeedles[parameter]
                guard needle.count <= bytes.count else { continue }
                for offset in 0...(bytes.count - needle.count) {
                    var matched = 0
                    while matched < needle.count {
                        let byte = bytes[offset + matched]
                        guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == needle[matched] else { break }
                        matched += 1
                    }
                    if matched == needle.count { return (offset, parameter) }
                }
            }
            return nil
        }
        guard let (offset, parameter) = found else { return nil }
        let needle = credentialNeedles[parameter]
        let start = body.utf8.index(body.startIndex, offsetBy: offset)
        let nameEnd = body.utf8.index(start, offsetBy: needle.prefix { $0 != 0x3D && $0 != 0x3A && $0 != 0x20 }.count)
        return (body[start..<nameEnd], credentialParameters[parameter].1)
    }

    static let credentialNeedles = credentialParameters.map { Array($0.0.utf8) }
    /// No line shorter than every needle holds one.
    static let credentialShortest = credentialNeedles.map(\.count).min() ?? 0
    /// Each needle's bytes as a bit mask (they are ASCII, lower case).
    static let credentialMasks: [(low: UInt64, high: UInt64)] = credentialNeedles.map { needle in
        needle.reduce((UInt64(0), UInt64(0))) { mask, byte in
            byte < 64 ? (mask.0 | 1 << byte, mask.1) : (mask.0, mask.1 | 1 << (byte - 64))
        }
    }

    /// "Name: value", "Name - value", "Name = value" or "Name<TAB>value", for the store, account
    /// and secret lines: the text before the separator and the rest after it, both as they are
    /// (`keyName` makes the first the name, `trimValue` the second the value). Spaces and quotes
    /// are trimmed only from a name that is used: most lines are grants, and `Catalog.levelKey`
    /// passes over spaces and quotes anyway.
    static func keyValue(_ body: Substring) -> (Substring, Substring)? {
        for separator in keyValueSeparators {
            guard let (at, end) = body.foundationMatch(of: separator.bytes) else { continue }
            // Matched as bytes followed by an ASCII byte (or the end), the separator's Characters
            // are its bytes (each a scalar alone, as no mark follows): the rest starts after them.
            // Otherwise (Foundation found it) it is as many Characters as it is written with.
            return (body[..<at], body[(end ?? body.index(at, offsetBy: separator.characters))...])
        }
        return nil
    }

    /// The name of a `keyValue` line: quotes and spaces dropped.
    static func keyName(_ text: Substring) -> Substring { text.trimmed.trimmingCharacters(in: .quotes) }

    /// keyValue's separators, in the order tried: their bytes, and their length in Characters.
    static let keyValueSeparators = [":", "\t", " = ", " - ", " – "].map {
        (bytes: Array($0.utf8), characters: $0.count)
    }

    /// A value as written: quotes and final periods dropped.
    static func trimValue(_ text: Substring) -> Substring {
        var value = text.trimmed.trimmingCharacters(in: .quotes)
        while let last = value.last, last == "." { value = value.dropLast() }
        return value.trimmed
    }
}

/// Which ASCII bytes a line has (letters lowered) and whether it has a curly quote's first byte,
/// found in one look at its bytes: the steps that pass over most lines on a byte they lack
/// (credentials, account names, table cells) ask this instead of each looking at the line.
struct LineBytes {
    let count: Int
    let ascii: (low: UInt64, high: UInt64)
    /// Holds 0xE2, the first byte of `“` and `”`.
    let curly: Bool

    init(_ line: Substring) {
        var line = line
        (count, ascii, curly) = line.withUTF8 { bytes in
            var ascii: (low: UInt64, high: UInt64) = (0, 0)
            var curly = false
            for byte in bytes {
                if byte < 64 {
                    ascii.low |= 1 << byte
                } else if byte < 0x80 {
                    ascii.high |= 1 << ((byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) - 64)
                } else if byte == 0xE2 {
                    curly = true
                }
            }
            return (bytes.count, ascii, curly)
        }
    }

    /// Whether the line has this ASCII byte (a lower-case one for a letter in either case).
    func has(_ byte: UInt8) -> Bool { (byte < 64 ? ascii.low >> byte : ascii.high >> (byte - 64)) & 1 == 1 }
}

extension Substring {
    /// The text with the characters of `set` trimmed from both ends.
    func trimmingCharacters(in set: TrimSet) -> Substring {
        // An ASCII scalar beside another (or an end) is a Character of its own, unless the two
        // are CR LF: such ends are trimmed as bytes, in one pass, and only others as Characters.
        let (mask, set) = (set.ascii, set.characters)
        var result = self
        // Both ends as bytes in one look at the buffer: most ends are ASCII, and then the text
        // is sliced once. An end that is not (or a CR LF) is left to the loops below.
        var whole = self
        let (head, tail, more) = whole.withUTF8 { bytes in
            let (head, headMore) = Self.asciiTrim(bytes, mask, fromEnd: false)
            guard !headMore, head < bytes.count else { return (head, 0, headMore) }
            let (tail, tailMore) = Self.asciiTrim(UnsafeBufferPointer(rebasing: bytes[head...]), mask, fromEnd: true)
            return (head, tail, tailMore)
        }
        // Sliced only when something is trimmed: slicing a Substring checks its indices, and
        // most ends are not trimmed.
        if !more, head == 0, tail == 0 { return result }
        if !more {
            let utf8 = result.utf8
            return result[utf8.index(result.startIndex, offsetBy: head)..<utf8.index(result.endIndex, offsetBy: -tail)]
        }
        while true {
            var bytes = result
            let (head, more) = bytes.withUTF8 { Self.asciiTrim($0, mask, fromEnd: false) }
            // Sliced only when something is trimmed: most ends are not.
            if head > 0 { result = result[result.utf8.index(result.startIndex, offsetBy: head)...] }
            guard more, let first = result.first, set.contains(first) else { break }
            result.removeFirst()
        }
        while true {
            var bytes = result
            let (tail, more) = bytes.withUTF8 { Self.asciiTrim($0, mask, fromEnd: true) }
            if tail > 0 { result = result[..<result.utf8.index(result.endIndex, offsetBy: -tail)] }
            guard more, let last = result.last, set.contains(last) else { break }
            result.removeLast()
        }
        return result
    }

    /// How many bytes at one end of `bytes` are ASCII Characters of `set`, and whether the byte
    /// after them is to be compared as a Character.
    private static func asciiTrim(
        _ bytes: UnsafeBufferPointer<UInt8>, _ set: (low: UInt64, high: UInt64), fromEnd: Bool
    ) -> (Int, Bool) {
        var count = 0
        while count < bytes.count {
            let at = fromEnd ? bytes.count - 1 - count : count
            let byte = bytes[at]
            let neighbour = fromEnd ? (at > 0 ? bytes[at - 1] : 0) : (at + 1 < bytes.count ? bytes[at + 1] : 0)
            guard byte < 0x80, byte != (fromEnd ? 0x0A : 0x0D), neighbour < 0x80 else { return (count, true) }
            guard (byte < 64 ? set.low >> byte : set.high >> (byte - 64)) & 1 == 1 else { return (count, false) }
            count += 1
        }
        return (count, false)
    }

    /// Where `needle` first is, as Foundation's `range(of:)` finds it. For a needle no other
    /// text is canonically equal to (ASCII, a dash), its matches are matches of the bytes, less
    /// those a combining scalar after them joins: so the first byte match followed by an ASCII
    /// byte (or the end) is the answer, found without Foundation, which is asked only when a
    /// non-ASCII scalar follows.
    func foundationStart(of needle: [UInt8]) -> Index? { foundationMatch(of: needle)?.start }

    /// `foundationStart`, and where the match ends when it is the needle's bytes followed by
    /// an ASCII byte or the end (nil when Foundation found it).
    func foundationMatch(of needle: [UInt8]) -> (start: Index, end: Index?)? {
        var text = self
        let found: (offset: Int, ascii: Bool)? = text.withUTF8 { bytes in
            guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
            for offset in 0...(bytes.count - needle.count) where bytes[offset] == needle[0] {
                var matched = 1
                while matched < needle.count, bytes[offset + matched] == needle[matched] { matched += 1 }
                guard matched == needle.count else { continue }
                let end = offset + needle.count
                return (offset, end == bytes.count || bytes[end] < 0x80)
            }
            return nil
        }
        guard let found else { return nil }
        guard found.ascii else {
            return range(of: String(decoding: needle, as: UTF8.self)).map { ($0.lowerBound, nil) }
        }
        let start = utf8.index(startIndex, offsetBy: found.offset)
        return (start, utf8.index(start, offsetBy: needle.count))
    }
}

/// Characters to trim, each one scalar, with their ASCII bytes as a bit mask: made once, as
/// the lines' ends are trimmed several times a line.
struct TrimSet {
    let characters: String
    let ascii: (low: UInt64, high: UInt64)

    init(_ characters: String) {
        self.characters = characters
        var mask: (low: UInt64, high: UInt64) = (0, 0)
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { mask.low |= 1 << byte } else { mask.high |= 1 << (byte - 64) }
        }
        ascii = mask
    }

    static let spaces = TrimSet(" \t\u{A0}")
    static let quotes = TrimSet("\"'“”")
}
