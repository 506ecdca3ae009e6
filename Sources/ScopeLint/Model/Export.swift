/// What every reader produces: stores, their API accounts and the scope entries as written.
/// Nothing here is resolved against the catalog yet; that is the engine's first step.
public struct Export: Sendable {
    /// The path as the user gave it (`-` reads as `<stdin>`), used in every location.
    public var file: String
    public var stores: [Store]

    public init(file: String, stores: [Store]) {
        self.file = file
        self.stores = stores
    }
}

public struct Store: Sendable {
    public var hash: String?
    public var name: String?
    public var position: TextPosition
    public var accounts: [Account]

    public init(hash: String?, name: String?, position: TextPosition, accounts: [Account]) {
        self.hash = hash
        self.name = name
        self.position = position
        self.accounts = accounts
    }

    /// How findings name the store: its hash, else its name, else its place in the file.
    public var label: String { hash ?? name ?? "(no store hash)" }

    /// The store with every name, hash, scope key and level shaped like a credential (see
    /// `Redactor`) replaced where it is read, so no report, baseline or converted export can
    /// carry it, and each reported as a secret sighting (of the first account, for the
    /// store's own hash and name).
    /// Accounts whose scopes are all `account_*` parameters are account-level accounts, whatever
    /// the input called them: a store-level or app token cannot hold them (issue 14), and a
    /// scope string carries no type of its own.
    func inferringAccountLevel() -> Store {
        var store = self
        for index in accounts.indices where accounts[index].type == .store || accounts[index].type == .app {
            let scopes = accounts[index].scopes
            if !scopes.isEmpty && scopes.allSatisfy({ $0.level == nil && Self.isAccountParameter($0.key) }) {
                store.accounts[index].type = .account
            }
        }
        return store
    }

    /// `account_` in any letter case, as people retype parameters.
    static func isAccountParameter(_ key: String) -> Bool {
        var prefix = key.utf8.prefix(8).makeIterator()
        for expected in "account_".utf8 {
            guard let byte = prefix.next(), byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) == expected else {
                return false
            }
        }
        return true
    }

    func scrubbingSecrets() -> Store {
        var store = self
        var storeSightings: [SecretSighting] = []
        /// The text redacted, and a sighting at `position`; nil when there is nothing to hide
        /// (then nothing is written back, and nothing copied).
        func scrub(_ text: String?, _ key: String, _ position: TextPosition, into sightings: inout [SecretSighting])
            -> String?
        {
            guard let text, let clean = Redactor.redactingSecrets(text) else { return nil }
            sightings.append(SecretSighting(kind: .tokenShaped, key: key, position: position))
            return clean
        }
        if let clean = scrub(hash, "store_hash", position, into: &storeSightings) { store.hash = clean }
        if let clean = scrub(name, "store name", position, into: &storeSightings) { store.name = clean }
        // By index: accounts and entries are read in place, not copied (this runs on the
        // reading thread, for every entry of every export).
        for index in accounts.indices {
            var sightings = index == 0 ? storeSightings : []
            if let clean = scrub(accounts[index].name, "account name", accounts[index].position, into: &sightings) {
                store.accounts[index].name = clean
            }
            for entry in accounts[index].scopes.indices {
                // Text the catalog spells is no secret: most entries are passed over here.
                if accounts[index].scopes[entry].keyWord < 0,
                    let clean = scrub(
                        accounts[index].scopes[entry].key, "scope key", accounts[index].scopes[entry].position,
                        into: &sightings)
                {
                    store.accounts[index].scopes[entry].key = clean
                }
                if accounts[index].scopes[entry].levelWord < 0,
                    let clean = scrub(
                        accounts[index].scopes[entry].level, "scope level", accounts[index].scopes[entry].position,
                        into: &sightings)
                {
                    store.accounts[index].scopes[entry].level = clean
                }
            }
            if !sightings.isEmpty { store.accounts[index].secrets += sightings }
        }
        return store
    }
}

/// The kinds of API account PRODUCT.md names; `store` when an export does not say.
public enum AccountType: String, CaseIterable, Sendable {
    case store
    case app
    case account
    case stencilCLI = "stencil-cli"
    case b2bV2 = "b2b-v2"
    case b2bV3 = "b2b-v3"
    case legacy

    /// How reports name the kind, in the control panel's words.
    public var label: String {
        switch self {
        case .store: "store-level account"
        case .app: "app account"
        case .account: "account-level account"
        case .stencilCLI: "Stencil-CLI token"
        case .b2bV2: "B2B Edition V2 token"
        case .b2bV3: "B2B Edition V3 token"
        case .legacy: "legacy basic-auth account"
        }
    }
}

public struct Account: Sendable {
    public var name: String
    public var type: AccountType
    /// The client id is not a secret; `diff OLD NEW` matches accounts by it.
    public var clientID: String?
    package var hasClientID: Bool { clientID != nil }
    public var position: TextPosition
    public var scopes: [ScopeEntry]
    public var secrets: [SecretSighting]
    /// False when the input cannot say which scopes the account has (a credentials file):
    /// scope rules are skipped rather than reporting every scope as missing.
    public var scopesKnown = true

    public init(
        name: String, type: AccountType = .store, clientID: String? = nil, position: TextPosition,
        scopes: [ScopeEntry], secrets: [SecretSighting] = []
    ) {
        self.name = name
        self.type = type
        self.clientID = clientID
        self.position = position
        self.scopes = scopes
        self.secrets = secrets
    }
}

/// One scope as it appeared in the input: a UI name with a level, or a bare OAuth parameter.
public struct ScopeEntry: Sendable {
    // Set only inside the library (the secret scrub, on text the catalog does not spell): the
    // words below are worked out from them once, and a caller changing the text would leave
    // them stale.
    public internal(set) var key: String
    /// The level as written; nil when the entry is a parameter, which carries its own level.
    public internal(set) var level: String?
    public var position: TextPosition
    /// The key's and level's words in `Catalog.spellings`, when the catalog spells the text
    /// this way; -1 when it does not. Set once, where the entry is made: by a reader that
    /// scanned the bytes (the export), else looked up here, one hash of the text, so neither
    /// the engine nor the secret scrub works out again what the catalog already spells.
    package let keyWord: Int32
    package let levelWord: Int32

    package init(
        key: String, level: String?, position: TextPosition, keyWord: Int32? = nil, levelWord: Int32? = nil
    ) {
        self.key = key
        self.level = level
        self.position = position
        // The table is asked only when the reader did not: the export's millions of entries
        // come with their words.
        self.keyWord = keyWord ?? Catalog.bigCommerce.spellings.lookup(key) ?? -1
        self.levelWord = levelWord ?? level.flatMap { Catalog.bigCommerce.spellings.lookup($0) } ?? -1
    }
}

/// Where a credential was seen. The value itself is dropped by the reader that saw it.
public struct SecretSighting: Sendable {
    public enum Kind: String, Sendable {
        case accessToken = "access token"
        case clientSecret = "client secret"
        case authorizationCode = "authorization code"
        /// A name, hash, scope key or level shaped like a token or secret.
        case tokenShaped = "token-shaped value"

        /// What a key or column named `key` holds, in any case and punctuation
        /// (`access_token`, `accessToken`, `Access Token`, `X-Auth-Token`): the one table every
        /// reader asks, so a credential one shape reports is never kept by another.
        package init?(credentialKey key: String) {
            guard let kind = Self.credentialKeys[Catalog.levelKey(key)] else { return nil }
            self = kind
        }

        static let credentialKeys: [String: Kind] = [
            "accesstoken": .accessToken, "token": .accessToken, "refreshtoken": .accessToken, "idtoken": .accessToken,
            "apikey": .accessToken, "apitoken": .accessToken, "authtoken": .accessToken, "xauthtoken": .accessToken,
            "password": .accessToken, "clientsecret": .clientSecret, "secret": .clientSecret,
        ]
    }

    public var kind: Kind
    /// The key the value was stored under, so the user can find and remove it.
    public var key: String
    public var position: TextPosition
    /// What the reader knows about where the secret came from and what to do instead.
    public var hint: String?

    public init(kind: Kind, key: String, position: TextPosition, hint: String? = nil) {
        self.kind = kind
        self.key = key
        self.position = position
        self.hint = hint
    }
}
