import Testing

@testable import ScopeLint

/// Reads text with detection (or a forced shape).
func readInput(_ text: String, from: String? = nil, options: ReadOptions = ReadOptions()) throws -> Export {
    try InputFormat.read(Array(text.utf8), file: "in", from: from, options: options)
}

func entries(_ export: Export) -> [String] {
    export.stores.flatMap(\.accounts).flatMap(\.scopes).map {
        "\($0.key)=\($0.level ?? "-")@\($0.position.line):\($0.position.column)"
    }
}

@Suite("Input shapes")
struct InputShapeTests {
    @Test(
        "detection picks the right reader",
        arguments: [
            (#"{"stores": []}"#, "export"),
            (#"{"store_hash": "a", "accounts": []}"#, "export"),
            (#"{"access_token": "x", "scope": "store_v2_orders", "context": "stores/a"}"#, "token"),
            ("code=x&scope=store_v2_orders&context=stores%2Fa", "token"),
            ("store_v2_orders store_v2_products", "scope-string"),
            ("scope,level\nOrders,modify", "csv"),
            ("- Orders: modify", "text"),
            ("ACCESS TOKEN: x\nCLIENT ID: y", "credentials"),
        ])
    func detection(_ text: String, _ expected: String) throws {
        let export = try readInput(text)
        let account = export.stores.first?.accounts.first
        switch expected {
        case "token": #expect(account?.type == .app)
        case "credentials": #expect(account?.scopesKnown == false)
        case "export": #expect(account == nil)
        default: #expect(account?.scopes.isEmpty == false)
        }
    }

    @Test("token response: scope parameters located, context gives the store, the token is a sighting")
    func tokenResponse() throws {
        let export = try readInput(
            "{\n  \"access_token\": \"abc\",\n  \"scope\": \"store_v2_orders store_v2_products_read_only\",\n  \"context\": \"stores/z4zn3wo\"\n}"
        )
        #expect(export.stores[0].hash == "z4zn3wo")
        #expect(entries(export) == ["store_v2_orders=-@3:13", "store_v2_products_read_only=-@3:29"])
        #expect(export.stores[0].accounts[0].secrets.map(\.kind) == [.accessToken])
    }

    @Test("callback parameters: URL, +, %20 and %2C separators, the code is a secret")
    func callback() throws {
        let export = try readInput(
            "https://x.test/auth?code=abc&scope=store_v2_orders+store_cart%20store_v2_content%2Cstore_sites&context=stores%2Fq1"
        )
        #expect(export.stores[0].hash == "q1")
        #expect(
            export.stores[0].accounts[0].scopes.map(\.key) == [
                "store_v2_orders", "store_cart", "store_v2_content", "store_sites",
            ])
        #expect(export.stores[0].accounts[0].scopes.map(\.position.column) == [36, 52, 65, 84])
        #expect(export.stores[0].accounts[0].secrets.map(\.kind) == [.authorizationCode])
    }

    @Test("scope strings: spaces, commas, + and lines, each located")
    func scopeString() throws {
        let export = try readInput(
            "store_v2_orders, store_cart\n  store_v2_content+store_sites\n",
            options: ReadOptions(storeHash: "s1", accountName: "Feed"))
        #expect(
            entries(export) == [
                "store_v2_orders=-@1:1", "store_cart=-@1:18", "store_v2_content=-@2:3", "store_sites=-@2:20",
            ])
        #expect(export.stores[0].hash == "s1")
        #expect(export.stores[0].accounts[0].name == "Feed")
    }

    @Test("a no-break space separates parameters too")
    func noBreakSpace() throws {
        let export = try readInput("store_v2_orders\u{A0}store_cart", from: "scope-string")
        #expect(export.stores[0].accounts[0].scopes.map(\.key) == ["store_v2_orders", "store_cart"])
    }

    @Test("CSV: any header case, quoted fields with quotes and line breaks, store and account groups")
    func csv() throws {
        let text =
            "STORE,Account Name,SCOPE,Level,notes\ns1,A,Orders,modify,\"x, \"\"y\"\"\"\ns1,A,Products,read-only,\"two\nlines\"\ns2,B,store_v2_orders,,\n"
        let export = try readInput(text)
        #expect(export.stores.map(\.hash) == ["s1", "s2"])
        #expect(export.stores[0].accounts.map(\.name) == ["A"])
        #expect(entries(export) == ["Orders=modify@2:6", "Products=read-only@3:6", "store_v2_orders=-@5:6"])
    }

    @Test("CSV: semicolons, BOM and CRLF; a secret column is reported, never kept")
    func csvLocale() throws {
        let text = "\u{FEFF}Scope;Level;Access Token\r\nOrders;Read-only;tok123tok123tok123tok12\r\n"
        let export = try readInput(text)
        #expect(entries(export) == ["Orders=Read-only@2:1"])
        let account = export.stores[0].accounts[0]
        #expect(account.secrets.map(\.position) == [TextPosition(line: 2, column: 18)])
        #expect(!String(describing: export).contains("tok123"))
    }

    @Test(
        "CSV errors are located",
        arguments: [
            ("scope,level\nOrders,\"modify\n", "2:8", "closing quote"),
            ("name,level\nx,modify\n", "1:1", "scope column"),
            ("scope,level\n,modify\n", "2:2", "expected a scope in this row"),
        ])
    func csvErrors(_ text: String, _ at: String, _ phrase: String) {
        #expect {
            try readInput(text, from: "csv")
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("in:\(at): error:") && description.contains(phrase)
        }
    }

    @Test("text: bullets, numbers, separators, 'Change X from A to B', store and account lines, prose passed over")
    func text() throws {
        let text = """
            Store: s1
            Account: Modern Retail Integration
            Give the following access rights:
            - Content: read-only
            * Customers – modify
            10.Change Carts from none to Modify. - Select "Save".
            • Orders = modify
            3) Themes\tnone
            Token Type: V2/V3 API token.
            Made Up Scope: modify
            """
        let export = try readInput(text)
        #expect(export.stores.map(\.hash) == ["s1"])
        #expect(export.stores[0].accounts.map(\.name) == ["Modern Retail Integration"])
        #expect(
            entries(export) == [
                "Content=read-only@4:3", "Customers=modify@5:3", "Carts=Modify@6:11", "Orders=modify@7:3",
                "Themes=none@8:4", "Made Up Scope=modify@10:1",
            ])
    }

    @Test(
        "'Change' phrases with no name, odd case or non-ASCII letters are read or passed over",
        arguments: [
            ("7. Change from none to manage.", nil),
            ("Change İnventory from none to modify", "İnventory=modify"),
            ("CHANGE Orders FROM none TO Modify", "Orders=Modify"),
            ("Change Orders from none to", nil),
        ] as [(String, String?)])
    func changePhrases(_ line: String, _ expected: String?) {
        let result = TextListReader.changePhrase(Substring(line)).map { "\($0.0)=\($0.1)" }
        #expect(result == expected)
    }

    @Test(
        "bullets and numbers are removed as Characters, whether a byte decides or a Character does",
        arguments: [
            ("- Orders: none", "Orders: none"), ("  * > 1. Orders ", "Orders"), ("• Orders", "Orders"),
            ("–\tOrders", "Orders"), ("1234. Orders", "1234. Orders"), ("12) Orders", "Orders"),
            ("- 2. • Orders", "Orders"), ("3.", ""), ("Orders ✓", "Orders ✓"),
            // A mark joins the marker, digit or period before it: no bullet.
            ("-\u{301} Orders", "-\u{301} Orders"), ("1\u{301}. Orders", "1\u{301}. Orders"),
            ("1.\u{301} Orders", "1.\u{301} Orders"),
            // No-break spaces are trimmed; a space that a mark joins is not.
            ("\u{A0}- Orders\u{A0}", "Orders"), ("- Orders \u{A0}", "Orders"), ("- \u{301}Orders", " \u{301}Orders"),
        ] as [(String, String)])
    func bullets(_ line: String, _ expected: String) {
        #expect(TextListReader.stripBullet(Substring(line)) == Substring(expected))
    }

    @Test("a line's key is found by its bytes as by its level key, in any case and spacing")
    func lineKeys() {
        let names = [
            "Store", "store hash", "\"API Account Name\"", "X-Auth-Token", "client_secret", "Ａccount", "ACCOUNT",
            "Orders", "", "  ", "Information & Settings", "store hash with more letters than any key", "Störe",
            "Account\u{301}", "token2",
        ]
        for name in names {
            let expected = TextListReader.lineKeys[Catalog.levelKey(name)].map { "\($0)" }
            #expect(TextListReader.lineKey(Substring(name)).map { "\($0)" } == expected, "\(name)")
        }
        #expect(TextListReader.lineKey("Store ID").map { "\($0)" } == "store")
    }

    @Test(
        "a 'Name: value' line splits after its separator's Characters",
        arguments: [
            ("Store: abc", "Store", " abc"), ("Account – Sales", "Account", "Sales"),
            ("Account – Über", "Account", "Über"), ("\"Token\" = x", "Token", "x"), ("Key\tv", "Key", "v"),
        ] as [(String, String, String)])
    func keyValues(_ line: String, _ name: String, _ rest: String) throws {
        let (key, value) = try #require(TextListReader.keyValue(Substring(line)))
        #expect(TextListReader.keyName(key) == Substring(name) && value == Substring(rest), "\(key)|\(value)")
    }

    @Test("a guide's 'name the Account \"X\"' names the account, so its policy matches")
    func accountNameFromGuide() throws {
        let export = try readInput(
            "- Please name the Account \"Modern Retail Integration\".\n1. Change Customers from none to modify\n")
        #expect(export.stores[0].accounts.map(\.name) == ["Modern Retail Integration"])
        #expect(TextListReader.accountNamePhrase("name the account \"unterminated") == nil)
        #expect(TextListReader.accountNamePhrase("Name the Account “Stone Edge”") == "Stone Edge")
    }

    @Test("credentials file: no scopes, both secrets, the store from the API path")
    func credentials() throws {
        let export = try readInput(
            "ACCESS TOKEN: aaa\nCLIENT NAME: Feed\nAPI PATH: https://api.bigcommerce.com/stores/abc123/v3/\nCLIENT ID: bbb\nCLIENT SECRET: ccc\n"
        )
        let account = export.stores[0].accounts[0]
        #expect(export.stores[0].hash == "abc123")
        #expect(account.name == "Feed")
        #expect(!account.scopesKnown)
        #expect(account.secrets.map(\.kind) == [.accessToken, .clientSecret])
        #expect(account.secrets.allSatisfy { $0.hint?.contains("no scopes") == true })
    }

    @Test("a credentials file lints to secret findings only, and the message says what to supply")
    func credentialsLint() throws {
        let export = try readInput("ACCESS TOKEN: aaa\nCLIENT NAME: Modern Retail Integration\nCLIENT SECRET: ccc\n")
        let report = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: []).lint([export])
        #expect(report.findings.map(\.rule) == [.secretInExport, .secretInExport])
        #expect(report.findings.allSatisfy { $0.message.contains("'Orders: modify'") })
    }

    @Test(
        "line-based inputs reject what is not text",
        arguments: [
            ([0x6F, 0x72, 0x64, 0xFF, 0x0A], "1:4", "not UTF-8"),
            ([0x41, 0x0A, 0x42, 0x00, 0x43], "2:2", "NUL byte"),
        ] as [([UInt8], String, String)])
    func binary(_ bytes: [UInt8], _ at: String, _ phrase: String) {
        #expect {
            try InputFormat.read(bytes, file: "in")
        } throws: { error in
            String(describing: error).hasPrefix("in:\(at): error:") && String(describing: error).contains(phrase)
        }
    }

    @Test("an input with nothing recognizable says which shapes exist")
    func unrecognized() {
        #expect {
            try readInput("Hello,\nplease find attached.")
        } throws: { error in
            String(describing: error).contains("--from (export, token-response, scope-string, csv, text, credentials)")
        }
    }
}

@Suite("convert: stores written as they are read")
struct ConvertWriterTests {
    static func source(_ file: String, _ text: String) throws -> StoreSource {
        StoreSource(try ExportReader.read(Array(text.utf8), file: file))
    }

    @Test("stores of one hash become one, at the first one's place; the stores between keep their order")
    func mergesInOrder() throws {
        let first = try Self.source(
            "a.json5",
            #"{ stores: [{ store_hash: "a", accounts: [{ name: "A1", scopes: { Orders: "read-only" } }] }, { store_hash: "b", accounts: [{ name: "B1", scopes: [] }] }] }"#
        )
        let second = try Self.source(
            "b.json5",
            #"{ stores: [{ store_hash: "c", accounts: [{ name: "C1", scopes: [] }] }, { store_hash: "a", accounts: [{ name: "A2", scopes: ["store_v2_products"] }] }, { accounts: [{ name: "No hash", scopes: [] }] }] }"#
        )
        let survey = try ExportWriter.survey([first, second])
        #expect(survey.accounts == 5)
        let stream = ByteStream()
        try ExportWriter.write([first, second], survey: survey, keepClientID: false, to: stream)
        let written = try ExportReader.read(Array(stream.text.utf8), file: "out.json")
        #expect(written.stores.map(\.hash) == ["a", "b", "c", nil])
        #expect(written.stores[0].accounts.map(\.name) == ["A1", "A2"])
    }
}
