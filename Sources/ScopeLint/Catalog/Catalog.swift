/// Every scope scopelint knows, and the lookups that turn the many spellings people use
/// into one `ScopeID` and one level index.
public struct Catalog: Sendable {
    /// The shape of one row in the data file.
    struct Entry: Sendable {
        let name: String
        let kind: ScopeKind
        let levels: [ScopeLevel]
        let nameAliases: [String]
        let parameterAliases: [(String, Int)]
        let note: String?
        /// Granted to app-level accounts only (App Extensions): never on a store-level account.
        var appOnly = false
        /// The account-level resource whose permission this is ("Account Users").
        var group: String? = nil
        /// Names that mean this resource only on account-level accounts ("Checkouts").
        var accountLevelAliases: [String] = []
    }

    /// What a parameter stands for.
    package struct ParameterMatch: Sendable {
        package let scope: ScopeID
        package let level: Int
        /// The guide's parameter when this one is an alias from BigCommerce's specs.
        package let canonical: String?
    }

    /// A level as read, and whether its spelling differed from the control panel's label
    /// by more than letter case.
    package struct LevelMatch: Sendable, Equatable {
        package let level: Int
        package let normalized: Bool
    }

    package let scopes: [ScopeDefinition]
    package let implicitParameters: Set<String>
    private let byNameKey: [String: ScopeID]
    /// The same names by their words with plurals folded ("Order transaction", "Customer"):
    /// looked up when the name key does not match.
    private let byFoldedName: [String: ScopeID]
    /// The exact UI names, checked first: exports mostly spell them as the control panel does.
    private let byExactName: [String: ScopeID]
    private let byParameter: [String: ParameterMatch]
    /// Names that mean an account-level resource on account-level accounts only ("Checkouts").
    private let byAccountLevelName: [String: ScopeID]
    /// Each account-level resource's permissions, in control-panel order.
    private let groupMembers: [String: [ScopeID]]
    /// Each scope's level labels (name and spellings) by their normalized key, first level
    /// first, so reading a level normalizes only the text read, not every label again.
    private let levelsByKey: [[String: Int]]

    /// The BigCommerce catalog, built once.
    public static let bigCommerce = Catalog(entries: bigCommerceEntries, implicit: bigCommerceImplicitParameters)

    init(entries: [Entry], implicit: Set<String>) {
        var scopes: [ScopeDefinition] = []
        var byNameKey: [String: ScopeID] = [:]
        var byFoldedName: [String: ScopeID] = [:]
        var byParameter: [String: ParameterMatch] = [:]
        var byAccountLevelName: [String: ScopeID] = [:]
        for (index, entry) in entries.enumerated() {
            let id = ScopeID(index)
            scopes.append(
                ScopeDefinition(
                    id: id, name: entry.name, kind: entry.kind, levels: entry.levels,
                    nameAliases: entry.nameAliases,
                    parameterAliases: entry.parameterAliases.map { (parameter: $0.0, level: $0.1) },
                    note: entry.note, appOnly: entry.appOnly, group: entry.group,
                    accountLevelAliases: entry.accountLevelAliases))
            for name in [entry.name] + entry.nameAliases {
                precondition(byNameKey[Self.nameKey(name)] == nil, "catalog name \(name) is ambiguous")
                byNameKey[Self.nameKey(name)] = id
                let folded = Self.foldedName(name)
                precondition(byFoldedName[folded].map { $0 == id } ?? true, "catalog name \(name) folds ambiguously")
                byFoldedName[folded] = id
            }
            for alias in entry.accountLevelAliases { byAccountLevelName[Self.nameKey(alias)] = id }
            for (level, definition) in entry.levels.enumerated() {
                if let parameter = definition.parameter {
                    byParameter[parameter] = ParameterMatch(scope: id, level: level, canonical: nil)
                }
            }
            for (alias, level) in entry.parameterAliases {
                byParameter[alias] = ParameterMatch(scope: id, level: level, canonical: entry.levels[level].parameter)
            }
        }
        self.scopes = scopes
        self.byNameKey = byNameKey
        self.byFoldedName = byFoldedName
        self.byExactName = Dictionary(uniqueKeysWithValues: scopes.map { ($0.name, $0.id) })
        self.byParameter = byParameter
        self.byAccountLevelName = byAccountLevelName
        var groupMembers: [String: [ScopeID]] = [:]
        for scope in scopes { if let group = scope.group { groupMembers[group, default: []].append(scope.id) } }
        self.groupMembers = groupMembers
        self.levelsByKey = scopes.map { scope in
            var byKey: [String: Int] = [:]
            for (index, level) in scope.levels.enumerated() {
                for label in [level.name] + level.spellings where byKey[Self.levelKey(label)] == nil {
                    byKey[Self.levelKey(label)] = index
                }
            }
            return byKey
        }
        self.implicitParameters = implicit
        self.allSpellings = scopes.map(\.name) + scopes.flatMap { $0.levels.compactMap(\.parameter) }
        self.spellings = SpellingTable(catalog: self)
    }

    /// Every exact spelling, keyed by bytes, for the streaming export reader and `Grants`.
    /// Built from the finished catalog's own lookups, hence set last.
    package private(set) var spellings = SpellingTable.empty

    package subscript(id: ScopeID) -> ScopeDefinition { scopes[id.index] }

    /// Looks a UI name up, ignoring case, spacing, punctuation, `&` versus `and`, and a
    /// plural's "s" on any of its words.
    package func scope(named name: String) -> ScopeID? {
        if let id = byExactName[name] { return id }
        // No UI name is longer than this; a longer key cannot match and is not worth normalizing.
        guard name.utf8.count <= Self.longestName else { return nil }
        return byNameKey[Self.nameKey(name)] ?? byFoldedName[Self.foldedName(name)]
    }

    /// A name's words, lower case with plurals folded, as the text reader matches them.
    static func foldedName(_ name: String) -> String {
        let text = Substring(name)
        return TextWord.words(in: text).map { $0.folded(in: text) }.joined(separator: " ")
    }

    static let longestName = 100

    /// Looks an OAuth parameter up; case is ignored because people retype them.
    package func parameter(_ text: String) -> ParameterMatch? {
        if let match = byParameter[text] { return match }
        guard text.utf8.count <= Self.longestName else { return nil }
        return byParameter[text.lowercased()]
    }

    /// Resolves a name that may be either a UI name or an OAuth parameter.
    package func scope(forKey key: String) -> ScopeID? {
        scope(named: key) ?? parameter(key)?.scope
    }

    /// Reads a level label for a scope, accepting the spellings the UI, docs and guides use.
    package func level(_ text: String, of id: ScopeID) -> LevelMatch? {
        let definition = self[id]
        // Fast path: the label exactly as the catalog writes it.
        if let exact = definition.levels.firstIndex(where: { $0.name == text }) {
            return LevelMatch(level: exact, normalized: false)
        }
        var key = Self.levelKey(text)
        if Self.noneKeys.contains(key) { key = "none" }
        guard let index = levelsByKey[id.index][key] else { return nil }
        return LevelMatch(level: index, normalized: text.lowercased() != definition.levels[index].name)
    }

    /// Hands `body` what a scope key as written means: the spelling table's word when a reader
    /// found one (`word` >= 0), else the same answers worked out from the text. The table's word
    /// is lent, not copied: copying one retains its strings and arrays, for each of a fleet's
    /// millions of entries.
    func withKey<Result>(_ text: String, word: Int32, _ body: (borrowing SpellingTable.Word) -> Result) -> Result {
        // Text a reader did not look up (every shape but the export) is looked up here first:
        // one hash of its bytes, where working its meaning out folds and splits it into words.
        if let found = word >= 0 ? word : spellings.lookup(text) { return body(spellings.words[Int(found)]) }
        return body(SpellingTable.Word(text, catalog: self, isLevel: false))
    }

    /// A level as written, for one scope: from the spelling table's word when a reader found
    /// one that is a level label, else from the text.
    func level(_ text: String, word: Int32, of id: ScopeID) -> LevelMatch? {
        // Read in place: binding the word's levels to a name would retain the array.
        if let found = word >= 0 ? word : spellings.lookup(text), !spellings.words[Int(found)].levels.isEmpty {
            return spellings.words[Int(found)].levels[id.index]
        }
        return level(text, of: id)
    }

    /// The permissions of the resource `id` belongs to (itself alone when it has no group).
    package func permissions(of id: ScopeID) -> [ScopeID] {
        self[id].group.flatMap { groupMembers[$0] } ?? [id]
    }

    /// A level written for a resource's name read as one of its permissions: `"Account Users":
    /// "delete"` is Account Users (delete) granted, `"none"` grants none of them. Nil when the
    /// scope has no group or no permission of that name.
    package func permission(_ text: String, of id: ScopeID) -> (scope: ScopeID, level: LevelMatch)? {
        guard self[id].group != nil else { return nil }
        for member in permissions(of: id) {
            if let match = level(text, of: member), match.level > 0 || member == id { return (member, match) }
        }
        return nil
    }

    /// The account-level resource a name means on an account-level account, where it differs
    /// from what it means elsewhere ("Checkouts").
    package func accountLevelScope(named name: String) -> ScopeID? {
        guard !byAccountLevelName.isEmpty, name.utf8.count <= Self.longestName else { return nil }
        return byAccountLevelName[Self.nameKey(name)]
    }

    /// Whether `name` is an account-level resource's own name (a group), not one permission's.
    package func isResourceName(_ name: String, of id: ScopeID) -> Bool {
        guard let group = self[id].group else { return false }
        let key = Self.nameKey(name)
        return ([group] + self[id].nameAliases + self[id].accountLevelAliases).contains { Self.nameKey($0) == key }
    }

    /// The canonical labels of a scope's levels, for "expected one of" messages.
    package func levelNames(of id: ScopeID) -> [String] { self[id].levels.map(\.name) }

    /// The names a "did you mean" suggestion may offer.
    package var allNames: [String] { scopes.map(\.name) }

    /// Every UI name and OAuth parameter, built once: what an unknown scope is compared with.
    package let allSpellings: [String]

    /// Lower case letters and digits only, with `&` read as "and": "Sites & Routes",
    /// "sites and routes" and "SITES&ROUTES" share one key.
    static func nameKey(_ name: String) -> String {
        // ASCII, the usual case, without a String per character.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += Array("and".utf8)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var key = ""
        for scalar in name.unicodeScalars {
            if scalar == "&" {
                key += "and"
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return key
    }

    /// "none" and the misspellings guides use for it (seed 001 writes "non"), as level keys.
    static let noneKeys: Set<String> = ["none", "non", "no"]

    /// Whether a level as written means none, whatever the scope (even one the catalog does not know).
    static func isNone(_ text: String) -> Bool { noneKeys.contains(levelKey(text)) }

    static func levelKey(_ text: String) -> String {
        // ASCII, the usual case, byte by byte: Unicode properties are slow to ask for, and the
        // catalog's level table is built at every start.
        // Over the string's own buffer, into the key's: no array in between (every text line's
        // key is looked up).
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { key in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): key[count] = byte | 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key[count] = byte
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
        if let ascii { return ascii }
        return String(
            text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
