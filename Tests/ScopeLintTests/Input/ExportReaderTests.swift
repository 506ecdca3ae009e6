import Testing

@testable import ScopeLint

private let fileName = "export.json5"

private func readExport(_ text: String) throws -> Export {
    try ExportReader.read(Array(text.utf8), file: fileName)
}

/// `key=level@line:column` for each scope entry of an account (`-` for a bare parameter).
private func describeEntries(_ account: Account) -> [String] {
    account.scopes.map { "\($0.key)=\($0.level ?? "-")@\($0.position.line):\($0.position.column)" }
}

private func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

/// Token-shaped values: 32 and 64 lower-case letters and digits, like BigCommerce's.
private let accessToken = "k7b2x9q4w1m8z3p6r5t0y2u4i6o8a1s3"
private let clientSecret = "f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"
private let camelSecret = "zz9yy8xx7ww6vv5uu4tt3ss2rr1qq0pp"
private let camelToken = "m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6"

@Suite("Export reader: shapes and errors")
struct ExportReaderTests {
    @Test("an account keeps room for the scopes it has, not for forty (a store of tiny accounts stays small)")
    func tinyAccounts() throws {
        let accounts = (0..<200).map { #"{ name: "a\#($0)", scopes: { Orders: "read-only" } }"# }
        let export = try readExport(#"{ store_hash: "s", accounts: ["# + accounts.joined(separator: ",") + "] }")
        for account in export.stores[0].accounts { #expect(account.scopes.capacity <= 4) }
    }

    static let multiStore = """
        {
          "format": "scopelint-export/1",
          "exported_at": "2026-11-20T10:00:00Z",
          "stores": [
            {
              "store_hash": "abc123",
              "name": "Acme Outdoor",
              "accounts": [
                { "name": "Modern Retail Integration", "type": "store",
                  "scopes": { "Customers": "modify", "Information & Settings": "read-only" } },
                { "name": "Stone Edge", "client_id": "cid-1",
                  "scopes": ["store_v2_orders", "store_v2_products store_inventory"] }
              ]
            },
            { "store_hash": "def456", "accounts": [] }
          ]
        }
        """

    @Test("a multi-store export: stores, accounts and scope entries with their positions")
    func multiStoreDocument() throws {
        let export = try readExport(Self.multiStore)
        #expect(export.file == fileName)
        #expect(export.stores.map(\.hash) == ["abc123", "def456"])
        #expect(export.stores.map(\.name) == ["Acme Outdoor", nil])
        #expect(export.stores.map(\.position) == [at(5, 5), at(15, 5)])
        #expect(export.stores[1].accounts.isEmpty)

        let accounts = export.stores[0].accounts
        #expect(accounts.map(\.name) == ["Modern Retail Integration", "Stone Edge"])
        #expect(accounts.map(\.position) == [at(9, 9), at(11, 9)])
        #expect(accounts.map(\.type) == [.store, .store])
        #expect(accounts.map(\.clientID) == [nil, "cid-1"])
        #expect(accounts.map(\.hasClientID) == [false, true])
        #expect(accounts.allSatisfy { $0.secrets.isEmpty && $0.scopesKnown })

        #expect(describeEntries(accounts[0]) == ["Customers=modify@10:23", "Information & Settings=read-only@10:46"])
        #expect(
            describeEntries(accounts[1]) == [
                "store_v2_orders=-@12:23", "store_v2_products=-@12:42", "store_inventory=-@12:60",
            ])
    }

    static let singleStore = """
        { "store_hash": "s1", "name": "Solo", "format": "scopelint-export/1", "exported_at": "2026-11-20T10:00:00Z",
          "accounts": [
            { "name": "Feed", "type": "App",
              "scopes": "store_v2_orders  store_cart,store_v2_content+store_sites" },
            { "name": "Defaults", "scopes": {} }
          ] }
        """

    @Test("a single-store export; a scope string is split and each parameter located inside it")
    func singleStoreDocument() throws {
        let export = try readExport(Self.singleStore)
        #expect(export.stores.count == 1)
        let store = export.stores[0]
        #expect(store.hash == "s1")
        #expect(store.name == "Solo")
        #expect(store.position == at(1, 1))
        #expect(store.accounts.map(\.name) == ["Feed", "Defaults"])
        #expect(store.accounts.map(\.position) == [at(3, 5), at(5, 5)])
        #expect(store.accounts.map(\.type) == [.app, .store], "type is read ignoring case and defaults to store")
        #expect(
            describeEntries(store.accounts[0]) == [
                "store_v2_orders=-@4:18", "store_cart=-@4:35", "store_v2_content=-@4:46", "store_sites=-@4:63",
            ])
        #expect(store.accounts[1].scopes.isEmpty)
    }

    @Test("columns inside a scope string count Unicode scalars, like every other column")
    func scopeStringColumns() throws {
        let export = try readExport(
            "{ store_hash: 'h', accounts: [{ name: 'A', scopes: 'é🙂 store_cart, store_sites' }] }")
        #expect(
            describeEntries(export.stores[0].accounts[0]) == ["é🙂=-@1:53", "store_cart=-@1:56", "store_sites=-@1:68"])
    }

    @Test("scopes as an array: each element located, a string element with several parameters split")
    func scopesArray() throws {
        let export = try readExport(
            "{ store_hash: 'h', accounts: [{ name: 'A', scopes: [\n  'store_v2_orders',\n  'store_cart  store_sites',\n  '',\n] }] }"
        )
        #expect(
            describeEntries(export.stores[0].accounts[0]) == [
                "store_v2_orders=-@2:4", "store_cart=-@3:4", "store_sites=-@3:16",
            ])
    }

    @Test("scopes as an object keep duplicates, order, names as written and levels as written")
    func scopesObject() throws {
        let export = try readExport(
            "{ store_hash: 'h', accounts: [{ name: 'A', scopes: {\n  Orders: 'Read-only',\n  'orders': 'modify',\n  store_v2_products: 'modify',\n} }] }"
        )
        #expect(
            describeEntries(export.stores[0].accounts[0]) == [
                "Orders=Read-only@2:3", "orders=modify@3:3", "store_v2_products=modify@4:3",
            ])
    }

    @Test(
        "the account type is read; store when absent",
        arguments: [
            ("store", AccountType.store), ("app", .app), ("account", .account), ("stencil-cli", .stencilCLI),
            ("b2b-v2", .b2bV2), ("b2b-v3", .b2bV3), ("legacy", .legacy), ("B2B-V3", .b2bV3),
            ("Stencil-CLI", .stencilCLI),
        ])
    func accountTypes(_ text: String, _ type: AccountType) throws {
        let export = try readExport("{ store_hash: 'h', accounts: [{ name: 'A', type: '\(text)', scopes: [] }] }")
        #expect(export.stores[0].accounts[0].type == type)
    }

    @Test("client_id is kept; notes and created_at are allowed on accounts, notes on stores and the export")
    func optionalKeys() throws {
        let export = try readExport(
            """
            { format: "scopelint-export/1", generator: "x", notes: "n", stores: [
              { store_hash: "h", notes: "n", accounts: [{ name: "A", client_id: "abc-123", notes: "n", created_at: "2026-01-01", scopes: "" }] } ] }
            """)
        let account = export.stores[0].accounts[0]
        #expect(account.clientID == "abc-123")
        #expect(account.scopes.isEmpty)
    }

    static let leaky = """
        { "store_hash": "a", "accounts": [
          { "name": "Leaky", "client_id": "cid-9",
            "access_token": "\(accessToken)",
            "client_secret": "\(clientSecret)", "clientSecret": "\(camelSecret)", "accessToken": "\(camelToken)",
            "scopes": ["store_v2_orders"] }
        ] }
        """

    @Test("access tokens and client secrets become sightings at their key; their values are dropped")
    func secrets() throws {
        let export = try readExport(Self.leaky)
        let account = export.stores[0].accounts[0]
        #expect(account.name == "Leaky")
        #expect(account.clientID == "cid-9")
        #expect(describeEntries(account) == ["store_v2_orders=-@5:17"])
        #expect(account.secrets.map(\.kind) == [.accessToken, .clientSecret, .clientSecret, .accessToken])
        #expect(account.secrets.map(\.key) == ["access_token", "client_secret", "clientSecret", "accessToken"])
        #expect(account.secrets.map(\.position) == [at(3, 5), at(4, 5), at(4, 90), at(4, 142)])
        #expect(account.secrets.allSatisfy { $0.hint == nil })
        let everything = String(describing: export) + String(reflecting: export) + dumped(export)
        for value in [accessToken, clientSecret, camelSecret, camelToken] {
            #expect(!everything.contains(value))
            #expect(!everything.contains(value.prefix(12)))
        }
    }

    @Test("a secret that is not a string is still a sighting")
    func nonStringSecret() throws {
        let export = try readExport(
            "{ store_hash: 'h', accounts: [{ name: 'A', access_token: { value: '\(accessToken)' }, scopes: [] }] }")
        #expect(export.stores[0].accounts[0].secrets.map(\.kind) == [.accessToken])
        #expect(!dumped(export).contains(accessToken))
    }

    // MARK: Malformed shapes

    static let prefix = #"{"store_hash": "a", "accounts": ["#
    static let malformedCases: [LocatedErrorCase] = [
        LocatedErrorCase("not an object", "[]", 1, 1, "expected a scopelint export object, found an array"),
        LocatedErrorCase(
            "neither stores nor accounts", #"{"exported_at": "x"}"#, 1, 1,
            #"expected "stores" (an export of many stores) or "store_hash" and "accounts" (one store)"#),
        LocatedErrorCase(
            "both stores and accounts", #"{"stores": [], "accounts": []}"#, 1, 1,
            #"expected either "stores" (many stores) or "store_hash" and "accounts" (one store), found both"#),
        LocatedErrorCase(
            "stores is not an array", #"{"stores": {}}"#, 1, 12,
            #"expected "stores" to be an array of stores, found an object"#),
        LocatedErrorCase(
            "a store is not an object", #"{"stores": [1]}"#, 1, 13, "expected a store object, found a number"),
        LocatedErrorCase(
            "a store without accounts", #"{"stores": [{"store_hash": "a"}]}"#, 1, 13,
            #"expected the store to have "accounts", an array of API accounts"#),
        LocatedErrorCase(
            "accounts is not an array", #"{"store_hash": "a", "accounts": {}}"#, 1, 33,
            #"expected "accounts" to be an array of API accounts, found an object"#),
        LocatedErrorCase(
            "store hash is not a string", #"{"store_hash": 12, "accounts": []}"#, 1, 16,
            "expected the store hash as a string, found a number"),
        LocatedErrorCase(
            "an account is not an object", prefix + #""x"]}"#, 1, 34, "expected an API account object, found a string"),
        LocatedErrorCase(
            "an account without a name", prefix + #"{"scopes": []}]}"#, 1, 34,
            #"expected the API account to have a "name""#),
        LocatedErrorCase(
            "an account with an empty name", prefix + #"{"name": "", "scopes": []}]}"#, 1, 43,
            "expected a non-empty account name"),
        LocatedErrorCase(
            "an account without scopes", prefix + #"{"name": "x"}]}"#, 1, 34,
            #"expected the API account to have "scopes" (an object, an array or a string)"#),
        LocatedErrorCase(
            "an unknown account key", prefix + #"{"name": "x", "scope": []}]}"#, 1, 48,
            "unknown key 'scope' in an API account (did you mean 'scopes'?); expected one of name, type, client_id, scopes, notes, created_at"
        ),
        LocatedErrorCase(
            "an unknown export key", #"{"stores": [], "fromat": "x"}"#, 1, 16,
            "unknown key 'fromat' in the export (did you mean 'format'?); expected one of format, exported_at, generator, notes, stores"
        ),
        LocatedErrorCase(
            "an unknown store key", #"{"stores": [{"acounts": []}]}"#, 1, 14,
            "unknown key 'acounts' in a store (did you mean 'accounts'?)"),
        LocatedErrorCase(
            "a duplicate account key", prefix + #"{"name": "x", "name": "y", "scopes": []}]}"#, 1, 48,
            "duplicate key 'name' in an API account"),
        LocatedErrorCase(
            "a wrong format value", #"{"format": "scopelint-export/2", "stores": []}"#, 1, 12,
            #"expected "format" to be "scopelint-export/1""#),
        LocatedErrorCase(
            "a format that is not a string, single store", #"{"format": 1, "store_hash": "a", "accounts": []}"#, 1, 12,
            #"expected "format" to be "scopelint-export/1""#),
        LocatedErrorCase(
            "an unknown account type", prefix + #"{"name": "x", "type": "shop", "scopes": []}]}"#, 1, 56,
            "expected the account type to be one of store, app, account, stencil-cli, b2b-v2, b2b-v3, legacy"),
        LocatedErrorCase(
            "a misspelt account type", prefix + #"{"name": "x", "type": "b2b-v4", "scopes": []}]}"#, 1, 56,
            "(did you mean 'b2b-v2' or 'b2b-v3'?)"),
        LocatedErrorCase(
            "a level that is a number", prefix + #"{"name": "x", "scopes": {"Orders": 2}}]}"#, 1, 69,
            #"expected the level of this scope as a string such as "read-only" or "modify", found a number"#),
        LocatedErrorCase(
            "a level that is null", prefix + #"{"name": "x", "scopes": {"Orders": null}}]}"#, 1, 69,
            "expected the level of this scope as a string"),
        LocatedErrorCase(
            "scopes that are a number", prefix + #"{"name": "x", "scopes": 5}]}"#, 1, 58,
            #"expected "scopes" to be an object, an array or a string, found a number"#),
        LocatedErrorCase(
            "a scope array element that is not a string",
            prefix + #"{"name": "x", "scopes": ["store_v2_orders", true]}]}"#, 1, 78,
            "expected an OAuth scope parameter string, found a boolean"),
        LocatedErrorCase(
            "an empty scope name", prefix + #"{"name": "x", "scopes": {"": "modify"}}]}"#, 1, 59,
            "expected a scope name, found an empty key"),
        LocatedErrorCase(
            "a client id that is not a string", prefix + #"{"name": "x", "client_id": 7, "scopes": []}]}"#, 1, 61,
            "expected the client id as a string, found a number"),
    ]

    @Test("malformed exports are errors at their line and column", arguments: malformedCases)
    func malformed(_ c: LocatedErrorCase) throws {
        let failure = try #require(captureInvalid { try ExportReader.read(c.bytes, file: fileName) })
        #expect(failure.file == fileName)
        #expect(failure.position == c.position)
        #expect(failure.message.contains(c.phrase), "\(failure.message)")
        #expect(failure.printed.hasPrefix("\(fileName):\(c.line):\(c.column): error: "))
    }

    static let misplacedSecretCases: [LocatedErrorCase] = [
        LocatedErrorCase(
            "an access token on a store",
            "{\"stores\": [{\"store_hash\": \"a\",\n  \"access_token\": \"\(accessToken)\", \"accounts\": []}]}", 2, 3,
            "a credential ('access_token') is stored in a store"),
        LocatedErrorCase(
            "a client secret on the export", "{\"stores\": [], \"client_secret\": \"\(clientSecret)\"}", 1, 16,
            "a credential ('client_secret') is stored in the export"),
        LocatedErrorCase(
            "an access token at the top of a single store",
            "{\"store_hash\": \"a\", \"accessToken\": \"\(accessToken)\", \"accounts\": []}", 1, 21,
            "a credential ('accessToken') is stored in a store"),
        LocatedErrorCase(
            "an access token given twice in an account",
            prefix
                + "{\"name\": \"x\", \"access_token\": \"\(accessToken)\", \"access_token\": \"\(accessToken)\", \"scopes\": []}]}",
            1, 100, "duplicate key 'access_token' in an API account"),
        LocatedErrorCase(
            "a broken file holding a token",
            prefix + "{\"name\": \"x\",\n \"access_token\": \"\(accessToken)\", \"scopes\": [}]}", 2, 65,
            "expected a value"),
    ]

    @Test(
        "a misplaced or broken credential is a located error that never shows its value",
        arguments: misplacedSecretCases)
    func misplacedSecret(_ c: LocatedErrorCase) throws {
        let failure = try #require(captureInvalid { try ExportReader.read(c.bytes, file: fileName) })
        #expect(failure.position == c.position)
        #expect(failure.message.contains(c.phrase), "\(failure.message)")
        for value in [accessToken, clientSecret] {
            #expect(!failure.printed.contains(value.prefix(8)))
        }
    }
}
