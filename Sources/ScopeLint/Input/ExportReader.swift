/// Reads the canonical scopelint export (`scopelint-export/1`), JSON or JSON5, one store or many.
///
/// The reader is strict about shape: an unknown key is an error with a suggestion, because a
/// typo such as `scope` for `scopes` would otherwise lint an account as having no access.
/// Access tokens and client secrets are recorded as sightings and their values dropped here.
package enum ExportReader {
    package static let formatIdentifier = "scopelint-export/1"

    private static let rootKeys = ["format", "exported_at", "generator", "notes", "stores"]
    private static let storeKeys = ["store_hash", "name", "notes", "accounts"]
    private static let accountKeys = ["name", "type", "client_id", "scopes", "notes", "created_at"]

    package static func read(
        _ bytes: [UInt8], file: String, catalog: Catalog = .bigCommerce, options: ReadOptions = ReadOptions()
    ) throws(ScopeLintError) -> Export {
        var stores: [Store] = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in
            try stream(buffer, file: file, catalog: catalog, options: options) { (store) throws(ScopeLintError) in
                stores.append(store)
            }
        }
        return Export(file: file, stores: stores)
    }

    /// Reads an export without building it whole: each store goes to `eachStore` as soon as
    /// it is read, and `progress` learns how far the reader got, so the caller can drop the
    /// bytes behind it. No JSON tree is built except for small values (notes, the format);
    /// scope keys and levels the catalog spells exactly become `ScopeEntry` values without
    /// a `String` of their own. Errors are the same, at the same places, as for any JSON.
    /// `--store` fills the hash of a store that has none; it and `--account` contradicting a
    /// store's hash or an account's name is an error there (`ReadOptions.storeHash`).
    package static func stream(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, catalog: Catalog = .bigCommerce,
        options: ReadOptions = ReadOptions(), progress: (Int) -> Void = { _ in },
        eachStore: (Store) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        var reader = JSONReader(bytes: bytes, file: file, limits: options.limits)
        let context = Context(file: file, spellings: catalog.spellings, options: options)
        try reader.skipTrivia()
        guard reader.index < bytes.count else { throw reader.error("expected a JSON value, found an empty document") }
        try readObject(&reader, isRoot: true, context: context, progress: progress, eachStore: eachStore)
        try reader.expectEnd()
    }

    /// Reads a store, or the document's root: either a store itself (one-store exports) or
    /// the object that holds "stores".
    private static func readObject(
        _ reader: inout JSONReader, isRoot: Bool, context: Context, progress: (Int) -> Void,
        eachStore: (Store) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let position = reader.position(at: reader.index)
        guard reader.peek(UInt8(ascii: "{")) else {
            let node = try reader.parseValue()
            throw context.error(
                at: position,
                "expected \(isRoot ? "a scopelint export" : "a store") object, found \(node.value.kindDescription)")
        }
        try reader.openObject()
        var keys: [Key] = []
        var values: [String: JSONNode] = [:]
        var accounts: [Account]?
        var sawStores = false
        var first = true
        while try reader.nextMember(&first) {
            let key = Key(position: reader.position(at: reader.index), text: try reader.readKey())
            try reader.expectColon()
            keys.append(key)
            switch key.text {
            case "stores" where isRoot && !sawStores:
                sawStores = true
                guard reader.peek(UInt8(ascii: "[")) else {
                    let node = try reader.parseValue()
                    throw context.error(
                        at: node.position,
                        "expected \"stores\" to be an array of stores, found \(node.value.kindDescription)")
                }
                try reader.openArray()
                var firstStore = true
                while try reader.nextElement(&firstStore) {
                    try readObject(&reader, isRoot: false, context: context, progress: progress, eachStore: eachStore)
                    reader.forget(before: reader.index)
                    progress(reader.index)
                }
            case "accounts" where accounts == nil:
                accounts = try readAccounts(&reader, context: context)
            default:
                // Repeated keys are kept only to be reported below.
                let value = try reader.parseValue()
                if values[key.text] == nil { values[key.text] = value }
            }
        }
        if isRoot {
            if sawStores && accounts != nil {
                throw context.error(
                    at: position,
                    "expected either \"stores\" (many stores) or \"store_hash\" and \"accounts\" (one store), found both"
                )
            }
            if sawStores {
                try context.checkKeys(keys, allowed: rootKeys, in: "the export")
                try checkFormat(values["format"], context: context)
                return
            }
            if accounts == nil {
                throw context.error(
                    at: position,
                    "expected \"stores\" (an export of many stores) or \"store_hash\" and \"accounts\" (one store)")
            }
        }
        try context.checkKeys(
            keys, allowed: isRoot ? storeKeys + ["format", "exported_at", "generator"] : storeKeys, in: "a store")
        let hash = try context.options.storeHash(
            try values["store_hash"].map { (node) throws(ScopeLintError) in try context.string(node, "the store hash")
            },
            at: values["store_hash"]?.position ?? position, file: context.file)
        let name = try values["name"].map { (node) throws(ScopeLintError) in
            try context.string(node, "the store's name")
        }
        guard let accounts else {
            throw context.error(at: position, "expected the store to have \"accounts\", an array of API accounts")
        }
        if isRoot { try checkFormat(values["format"], context: context) }
        try eachStore(Store(hash: hash, name: name, position: position, accounts: accounts))
    }

    private static func checkFormat(_ node: JSONNode?, context: Context) throws(ScopeLintError) {
        guard let node else { return }
        guard node.stringValue == formatIdentifier else {
            throw context.error(at: node.position, "expected \"format\" to be \"\(formatIdentifier)\"")
        }
    }

    private static func readAccounts(_ reader: inout JSONReader, context: Context) throws(ScopeLintError) -> [Account] {
        guard reader.peek(UInt8(ascii: "[")) else {
            let node = try reader.parseValue()
            throw context.error(
                at: node.position,
                "expected \"accounts\" to be an array of API accounts, found \(node.value.kindDescription)")
        }
        try reader.openArray()
        var accounts: [Account] = []
        var first = true
        while try reader.nextElement(&first) {
            accounts.append(try readAccount(&reader, context: context))
        }
        return accounts
    }

    private static func readAccount(_ reader: inout JSONReader, context: Context) throws(ScopeLintError) -> Account {
        let position = reader.position(at: reader.index)
        guard reader.peek(UInt8(ascii: "{")) else {
            let node = try reader.parseValue()
            throw context.error(at: position, "expected an API account object, found \(node.value.kindDescription)")
        }
        try reader.openObject()
        var name: String?
        var type = AccountType.store
        var clientID: String?
        var scopes: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        var keys: [String] = []
        var first = true
        while try reader.nextMember(&first) {
            let keyPosition = reader.position(at: reader.index)
            let key = try reader.readKey()
            try reader.expectColon()
            if keys.contains(key) {
                throw context.error(
                    at: keyPosition, "duplicate key '\(Redactor.redact(key))' in an API account; give each key once")
            }
            keys.append(key)
            if let kind = SecretSighting.Kind(credentialKey: key) {
                // The value is read past and dropped here; nothing keeps it.
                _ = try reader.parseValue()
                secrets.append(SecretSighting(kind: kind, key: key, position: keyPosition))
                continue
            }
            switch key {
            case "name":
                let node = try reader.parseValue()
                let text = try context.string(node, "the account's name")
                if text.isEmpty { throw context.error(at: node.position, "expected a non-empty account name") }
                name = try context.options.accountName(text, at: node.position, file: context.file)
            case "type":
                let node = try reader.parseValue()
                let text = try context.string(node, "the account type")
                guard let parsed = AccountType(rawValue: text.lowercased()) else {
                    throw context.error(
                        at: node.position,
                        "expected the account type to be one of \(AccountType.allCases.map(\.rawValue).joined(separator: ", "))\(Suggestions.hint(for: text, in: AccountType.allCases.map(\.rawValue)))"
                    )
                }
                type = parsed
            case "client_id":
                clientID = try context.string(try reader.parseValue(), "the client id")
            case "scopes":
                scopes = try readScopes(&reader, context: context)
            case "notes", "created_at":
                _ = try reader.parseValue()
            default:
                throw ScopeLintError.unknownKey(
                    key, at: keyPosition, file: context.file, allowed: accountKeys, in: "an API account")
            }
        }
        guard let name else { throw context.error(at: position, "expected the API account to have a \"name\"") }
        guard let scopes else {
            throw context.error(
                at: position, "expected the API account to have \"scopes\" (an object, an array or a string)")
        }
        return Account(name: name, type: type, clientID: clientID, position: position, scopes: scopes, secrets: secrets)
    }

    /// Scopes come as an object of UI name to level, an array of OAuth parameters, or one
    /// string of parameters separated by spaces (or commas).
    private static func readScopes(_ reader: inout JSONReader, context: Context) throws(ScopeLintError) -> [ScopeEntry]
    {
        let position = reader.position(at: reader.index)
        var entries: [ScopeEntry] = []
        // Exports that list every scope have about forty: one allocation, not six regrowths.
        entries.reserveCapacity(48)
        var first = true
        if reader.peek(UInt8(ascii: "{")) {
            try reader.openObject()
            while try reader.nextMember(&first) {
                let keyPosition = reader.position(at: reader.index)
                let key =
                    reader.peek(UInt8(ascii: "\"")) || reader.peek(UInt8(ascii: "'"))
                    ? try reader.readStringToken() : .text(try reader.readKey())
                try reader.expectColon()
                guard reader.peek(UInt8(ascii: "\"")) || reader.peek(UInt8(ascii: "'")) else {
                    let node = try reader.parseValue()
                    throw context.error(
                        at: node.position,
                        "expected the level of this scope as a string such as \"read-only\" or \"modify\", found \(node.value.kindDescription)"
                    )
                }
                let level = try reader.readStringToken()
                let (keyText, keyWord) = context.resolve(key, in: reader.bytes)
                if keyText.isEmpty { throw context.error(at: keyPosition, "expected a scope name, found an empty key") }
                let (levelText, levelWord) = context.resolve(level, in: reader.bytes)
                entries.append(
                    ScopeEntry(
                        key: keyText, level: levelText, position: keyPosition, keyWord: keyWord, levelWord: levelWord))
            }
        } else if reader.peek(UInt8(ascii: "[")) {
            try reader.openArray()
            while try reader.nextElement(&first) {
                let elementPosition = reader.position(at: reader.index)
                guard reader.peek(UInt8(ascii: "\"")) || reader.peek(UInt8(ascii: "'")) else {
                    let node = try reader.parseValue()
                    throw context.error(
                        at: node.position,
                        "expected an OAuth scope parameter string, found \(node.value.kindDescription)")
                }
                let (text, _) = context.resolve(try reader.readStringToken(), in: reader.bytes)
                entries.append(contentsOf: context.words(splitParameters(text, at: elementPosition)))
            }
        } else if reader.peek(UInt8(ascii: "\"")) || reader.peek(UInt8(ascii: "'")) {
            entries = context.words(splitParameters(try reader.parseString(), at: position))
        } else {
            let node = try reader.parseValue()
            throw context.error(
                at: position,
                "expected \"scopes\" to be an object, an array or a string, found \(node.value.kindDescription)")
        }
        // An account with a few scopes keeps a few, not the room for forty: a store of
        // 100,000 one-scope accounts held 270 MB of that room.
        return entries.capacity > 2 * entries.count ? entries.withUnsafeBufferPointer { Array($0) } : entries
    }

    /// Splits a string of parameters; each entry's column is the string's column plus the
    /// opening quote plus its offset, exact whenever the string has no escapes.
    static func splitParameters(_ text: String, at position: TextPosition) -> [ScopeEntry] {
        var entries: [ScopeEntry] = []
        var current = ""
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "," || scalar == "\t" || scalar == "\n" || scalar == "+" {
                if !current.isEmpty {
                    entries.append(
                        ScopeEntry(
                            key: current, level: nil,
                            position: TextPosition(line: position.line, column: position.column + 1 + start)))
                    current = ""
                }
            } else {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty {
            entries.append(
                ScopeEntry(
                    key: current, level: nil,
                    position: TextPosition(line: position.line, column: position.column + 1 + start)))
        }
        return entries
    }

    struct Key {
        var position: TextPosition
        var text: String
    }

    /// A key given twice: which one counts would be a guess, so it is an error at the second.
    static func checkDuplicates(_ keys: [Key], in what: String, file: String) throws(ScopeLintError) {
        var seen: Set<String> = []
        for key in keys where !seen.insert(key.text).inserted {
            throw .invalid(
                file: file, position: key.position,
                message: "duplicate key '\(Redactor.redact(key.text))' in \(what); give each key once")
        }
    }

    struct Context {
        let file: String
        let spellings: SpellingTable
        let options: ReadOptions

        func error(at position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }

        func string(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> String {
            guard let text = node.stringValue else {
                throw error(at: node.position, "expected \(what) as a string, found \(node.value.kindDescription)")
            }
            return text
        }

        /// The text of a token and its word in the catalog's spellings (-1 when it has none):
        /// a spelling the catalog has costs no allocation.
        func resolve(_ token: JSONReader.Token, in bytes: UnsafeBufferPointer<UInt8>) -> (String, Int32) {
            switch token {
            case .bytes(let range):
                if let word = spellings.lookup(bytes, range) { return (spellings.words[Int(word)].text, word) }
                return (String(decoding: bytes[range], as: UTF8.self), -1)
            case .text(let text):
                return (text, spellings.lookup(text) ?? -1)
            }
        }

        /// Entries split from a parameter string, with their words looked up.
        func words(_ entries: [ScopeEntry]) -> [ScopeEntry] {
            entries.map {
                ScopeEntry(key: $0.key, level: nil, position: $0.position, keyWord: spellings.lookup($0.key) ?? -1)
            }
        }

        /// A key given twice in a store or the document: which one counts would be a guess,
        /// so it is an error (scopes are different: a repeated scope is a finding). Then
        /// every key must be one the object may have.
        func checkKeys(_ keys: [Key], allowed: [String], in what: String) throws(ScopeLintError) {
            try ExportReader.checkDuplicates(keys, in: what, file: file)
            for key in keys where !allowed.contains(key.text) {
                if SecretSighting.Kind(credentialKey: key.text) != nil {
                    // Only accounts hold credentials; one anywhere else is refused, value unseen.
                    throw error(
                        at: key.position,
                        "a credential ('\(key.text)') is stored in \(what); remove it (only an API account may carry one, and scopelint reports it there)"
                    )
                }
                throw ScopeLintError.unknownKey(key.text, at: key.position, file: file, allowed: allowed, in: what)
            }
        }
    }
}
