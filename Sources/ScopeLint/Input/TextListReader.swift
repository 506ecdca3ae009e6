/// A transcription of the control panel or a pasted guide: one `Scope name: level` per line
/// (also `Scope - level`, `Scope = level`, a tab), bullets and numbered lists allowed, and
/// the guides' "Change X from none to Y" phrasing. `Store: hash` and `Account: name` lines
/// start a new store or account. Lines that are neither (a guide's prose) are passed over;
/// a line whose value is a level but whose name is no scope is kept, so it is reported as
/// an unknown scope rather than silently dropped.
enum TextListReader: InputReader {
    static let identifier = "text"
    static let summary = "lines of 'Scope name: level', bullets, numbered lists, 'Change X from none to Y'"

    static let storeKeys: Set<String> = ["store", "storehash", "storeid"]
    static let accountKeys: Set<String> = ["account", "accountname", "apiaccount", "apiaccountname"]
    static let secretKeys: [String: SecretSighting.Kind] = [
        "accesstoken": .accessToken, "token": .accessToken, "clientsecret": .clientSecret, "secret": .clientSecret,
        "password": .accessToken,
    ]

    /// Every spelling of every level the catalog knows, as level keys.
    static let levelWords: Set<String> = {
        var words: Set<String> = ["none", "non", "readonly"]
        for scope in Catalog.bigCommerce.scopes {
            for level in scope.levels {
                words.insert(Catalog.levelKey(level.name))
                for spelling in level.spellings { words.insert(Catalog.levelKey(spelling)) }
            }
        }
        return words
    }()

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
        var sawAnything = false
        for line in text.lines {
            let body = stripBullet(line.text)
            guard !body.isEmpty else { continue }
            let position = TextPosition(line: line.number, column: line.column(of: body.startIndex))
            if let (name, level) = changePhrase(body) {
                let (s, a) = currentAccount(at: position)
                stores[s].accounts[a].scopes.append(
                    ScopeEntry(
                        key: String(name), level: String(level),
                        position: TextPosition(line: line.number, column: line.column(of: name.startIndex))))
                sawAnything = true
                continue
            }
            if let named = accountNamePhrase(body), options.accountName == nil {
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
            guard let (name, value) = keyValue(body) else { continue }
            let key = Catalog.levelKey(String(name))
            let namePosition = TextPosition(line: line.number, column: line.column(of: name.startIndex))
            if let kind = secretKeys[key] {
                let (s, a) = currentAccount(at: position)
                stores[s].accounts[a].secrets.append(
                    SecretSighting(kind: kind, key: String(name), position: namePosition))
                sawAnything = true
            } else if storeKeys.contains(key) {
                stores.append(Store(hash: String(value), name: nil, position: namePosition, accounts: []))
                sawAnything = true
            } else if accountKeys.contains(key) {
                let s = currentStore()
                stores[s].accounts.append(Account(name: String(value), position: namePosition, scopes: []))
                sawAnything = true
            } else if Catalog.bigCommerce.scope(named: String(name)) != nil
                || levelWords.contains(Catalog.levelKey(String(value)))
            {
                let (s, a) = currentAccount(at: position)
                stores[s].accounts[a].scopes.append(
                    ScopeEntry(key: String(name), level: String(value), position: namePosition))
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
        let lower = String(body.map { $0.isASCII ? Character($0.lowercased()) : $0 })
        guard let phrase = lower.range(of: "name the account ") else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: phrase.upperBound)
        let rest = body.dropFirst(offset)
        guard let open = rest.first, "\"“".contains(open) else { return nil }
        let name = rest.dropFirst().prefix { !"\"”".contains($0) }
        guard !name.isEmpty, name.count < rest.count - 1 else { return nil }
        return String(name)
    }

    /// "Change Customers from none to modify" (any case; text after the level is ignored).
    static func changePhrase(_ body: Substring) -> (Substring, Substring)? {
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

    /// "Name: value", "Name - value", "Name = value" or "Name<TAB>value"; quotes and a final
    /// period are dropped from the value.
    static func keyValue(_ body: Substring) -> (Substring, Substring)? {
        var split: (Substring.Index, Int)?
        for separator in [":", "\t", " = ", " - ", " – "] {
            if let range = body.range(of: separator) {
                split = (range.lowerBound, separator.count)
                break
            }
        }
        guard let (at, length) = split else { return nil }
        let name = body[..<at].trimmed.trimmingCharacters(in: "\"'“”")
        var value = body[body.index(at, offsetBy: length)...].trimmed.trimmingCharacters(in: "\"'“”")
        while let last = value.last, last == "." { value = value.dropLast() }
        guard !name.isEmpty, !value.isEmpty else { return nil }
        return (name, value.trimmed)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return result
    }
}
