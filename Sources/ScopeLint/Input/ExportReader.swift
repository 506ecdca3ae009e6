/// Reads the canonical scopelint export (`scopelint-export/1`), JSON or JSON5, one store or many.
///
/// The reader is strict about shape: an unknown key is an error with a suggestion, because a
/// typo such as `scope` for `scopes` would otherwise lint an account as having no access.
/// Access tokens and client secrets are recorded as sightings and their values dropped here.
public enum ExportReader {
    public static let formatIdentifier = "scopelint-export/1"

    static let secretKeys: [String: SecretSighting.Kind] = [
        "access_token": .accessToken, "accessToken": .accessToken,
        "client_secret": .clientSecret, "clientSecret": .clientSecret,
    ]

    private static let rootKeys = ["format", "exported_at", "generator", "notes", "stores"]
    private static let storeKeys = ["store_hash", "name", "notes", "accounts"]
    private static let accountKeys = ["name", "type", "client_id", "scopes", "notes", "created_at"]

    public static func read(_ bytes: [UInt8], file: String) throws(ScopeLintError) -> Export {
        let root = try JSONReader.parse(bytes, file: file)
        return try read(root, file: file)
    }

    public static func read(_ root: JSONNode, file: String) throws(ScopeLintError) -> Export {
        let context = Context(file: file)
        guard let members = root.members else {
            throw context.error(at: root.position, "expected a scopelint export object, found \(root.value.kindDescription)")
        }
        let isMultiStore = members.contains { $0.key == "stores" }
        let isSingleStore = members.contains { $0.key == "accounts" }
        if isMultiStore && isSingleStore {
            throw context.error(at: root.position, "expected either \"stores\" (many stores) or \"store_hash\" and \"accounts\" (one store), found both")
        }
        if isSingleStore {
            let store = try readStore(root, extraKeys: ["format", "exported_at", "generator"], context: context)
            try checkFormat(members, context: context)
            return Export(file: file, stores: [store])
        }
        guard let storesMember = members.first(where: { $0.key == "stores" }) else {
            throw context.error(at: root.position, "expected \"stores\" (an export of many stores) or \"store_hash\" and \"accounts\" (one store)")
        }
        try context.checkKeys(members, allowed: rootKeys, in: "the export")
        try checkFormat(members, context: context)
        guard let storeNodes = storesMember.value.elements else {
            throw context.error(at: storesMember.value.position, "expected \"stores\" to be an array of stores, found \(storesMember.value.value.kindDescription)")
        }
        var stores: [Store] = []
        stores.reserveCapacity(storeNodes.count)
        for node in storeNodes {
            stores.append(try readStore(node, extraKeys: [], context: context))
        }
        return Export(file: file, stores: stores)
    }

    private static func checkFormat(_ members: [JSONMember], context: Context) throws(ScopeLintError) {
        guard let member = members.first(where: { $0.key == "format" }) else { return }
        guard member.value.stringValue == formatIdentifier else {
            throw context.error(at: member.value.position, "expected \"format\" to be \"\(formatIdentifier)\"")
        }
    }

    private static func readStore(_ node: JSONNode, extraKeys: [String], context: Context) throws(ScopeLintError) -> Store {
        guard let members = node.members else {
            throw context.error(at: node.position, "expected a store object, found \(node.value.kindDescription)")
        }
        try context.checkKeys(members, allowed: storeKeys + extraKeys, in: "a store")
        var hash: String?
        var name: String?
        var accounts: [Account] = []
        var sawAccounts = false
        for member in members {
            switch member.key {
            case "store_hash": hash = try context.string(member, "the store hash")
            case "name": name = try context.string(member, "the store's name")
            case "accounts":
                sawAccounts = true
                guard let nodes = member.value.elements else {
                    throw context.error(at: member.value.position, "expected \"accounts\" to be an array of API accounts, found \(member.value.value.kindDescription)")
                }
                accounts.reserveCapacity(nodes.count)
                for account in nodes { accounts.append(try readAccount(account, context: context)) }
            default: break
            }
        }
        if !sawAccounts { throw context.error(at: node.position, "expected the store to have \"accounts\", an array of API accounts") }
        return Store(hash: hash, name: name, position: node.position, accounts: accounts)
    }

    private static func readAccount(_ node: JSONNode, context: Context) throws(ScopeLintError) -> Account {
        guard let members = node.members else {
            throw context.error(at: node.position, "expected an API account object, found \(node.value.kindDescription)")
        }
        var name: String?
        var type = AccountType.store
        var clientID: String?
        var scopes: [ScopeEntry]?
        var secrets: [SecretSighting] = []
        try context.rejectDuplicates(members, in: "an API account")
        for member in members {
            if let kind = secretKeys[member.key] {
                secrets.append(SecretSighting(kind: kind, key: member.key, position: member.keyPosition))
                continue
            }
            switch member.key {
            case "name":
                let text = try context.string(member, "the account's name")
                if text.isEmpty { throw context.error(at: member.value.position, "expected a non-empty account name") }
                name = text
            case "type":
                let text = try context.string(member, "the account type")
                guard let parsed = AccountType(rawValue: text.lowercased()) else {
                    throw context.error(at: member.value.position, "expected the account type to be one of \(AccountType.allCases.map(\.rawValue).joined(separator: ", "))\(Suggestions.hint(for: text, in: AccountType.allCases.map(\.rawValue)))")
                }
                type = parsed
            case "client_id":
                clientID = try context.string(member, "the client id")
            case "scopes":
                scopes = try readScopes(member.value, context: context)
            case "notes", "created_at":
                break
            default:
                throw context.unknownKey(member, allowed: accountKeys, in: "an API account")
            }
        }
        guard let name else { throw context.error(at: node.position, "expected the API account to have a \"name\"") }
        guard let scopes else { throw context.error(at: node.position, "expected the API account to have \"scopes\" (an object, an array or a string)") }
        return Account(name: name, type: type, clientID: clientID, position: node.position, scopes: scopes, secrets: secrets)
    }

    /// Scopes come as an object of UI name to level, an array of OAuth parameters, or one
    /// string of parameters separated by spaces (or commas).
    static func readScopes(_ node: JSONNode, context: Context) throws(ScopeLintError) -> [ScopeEntry] {
        switch node.value {
        case let .object(members):
            var entries: [ScopeEntry] = []
            entries.reserveCapacity(members.count)
            for member in members {
                guard let level = member.value.stringValue else {
                    throw context.error(at: member.value.position, "expected the level of this scope as a string such as \"read-only\" or \"modify\", found \(member.value.value.kindDescription)")
                }
                if member.key.isEmpty { throw context.error(at: member.keyPosition, "expected a scope name, found an empty key") }
                entries.append(ScopeEntry(key: member.key, level: level, position: member.keyPosition))
            }
            return entries
        case let .array(elements):
            var entries: [ScopeEntry] = []
            entries.reserveCapacity(elements.count)
            for element in elements {
                guard let text = element.stringValue else {
                    throw context.error(at: element.position, "expected an OAuth scope parameter string, found \(element.value.kindDescription)")
                }
                entries.append(contentsOf: splitParameters(text, at: element.position))
            }
            return entries
        case let .string(text):
            return splitParameters(text, at: node.position)
        default:
            throw context.error(at: node.position, "expected \"scopes\" to be an object, an array or a string, found \(node.value.kindDescription)")
        }
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
                    entries.append(ScopeEntry(key: current, level: nil, position: TextPosition(line: position.line, column: position.column + 1 + start)))
                    current = ""
                }
            } else {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty {
            entries.append(ScopeEntry(key: current, level: nil, position: TextPosition(line: position.line, column: position.column + 1 + start)))
        }
        return entries
    }

    struct Context {
        let file: String

        func error(at position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }

        func string(_ member: JSONMember, _ what: String) throws(ScopeLintError) -> String {
            guard let text = member.value.stringValue else {
                throw error(at: member.value.position, "expected \(what) as a string, found \(member.value.value.kindDescription)")
            }
            return text
        }

        func unknownKey(_ member: JSONMember, allowed: [String], in what: String) -> ScopeLintError {
            .unknownKey(member, file: file, allowed: allowed, in: what)
        }

        /// A key given twice in a store, account or the document: which one counts would be
        /// a guess, so it is an error (scopes are different: a repeated scope is a finding).
        func rejectDuplicates(_ members: [JSONMember], in what: String) throws(ScopeLintError) {
            var seen: Set<String> = []
            for member in members where !seen.insert(member.key).inserted {
                throw error(at: member.keyPosition, "duplicate key '\(Redactor.redact(member.key))' in \(what); give each key once")
            }
        }

        func checkKeys(_ members: [JSONMember], allowed: [String], in what: String) throws(ScopeLintError) {
            try rejectDuplicates(members, in: what)
            for member in members where !allowed.contains(member.key) {
                if ExportReader.secretKeys[member.key] != nil {
                    // Only accounts hold credentials; one anywhere else is refused, value unseen.
                    throw error(at: member.keyPosition, "a credential ('\(member.key)') is stored in \(what); remove it (only an API account may carry one, and scopelint reports it there)")
                }
                throw unknownKey(member, allowed: allowed, in: what)
            }
        }
    }
}
