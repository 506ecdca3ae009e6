import Foundation
import Testing

@testable import ScopeLint

/// What a text input grants as the catalog reads it: scope name → level name, and each unknown
/// name as written, after "?", with its level as written.
func granted(_ text: String, from: String? = nil) throws -> [String: String] {
    let catalog = Catalog.bigCommerce
    var result: [String: String] = [:]
    for account in try readInput(text, from: from).stores.flatMap(\.accounts) {
        let grants = try Grants.resolve(account.scopes, file: "in", catalog: catalog)
        for index in grants.positions.indices where grants.positions[index] != nil {
            result[catalog.scopes[index].name] = catalog.scopes[index].levelName(grants.levels[index])
        }
        for entry in grants.unknown { result["?" + entry.key] = entry.level ?? "-" }
    }
    return result
}

/// A pasted text and what it grants.
struct TextShape: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var grants: [String: String]
    init(_ name: String, _ text: String, _ grants: [String: String]) {
        (self.name, self.text, self.grants) = (name, text, grants)
    }
    var testDescription: String { name }
}

@Suite("Text reader: what people paste")
struct TextReaderTests {
    @Test(
        "any separator between a scope and its level",
        arguments: [
            ": ", ":", " - ", " – ", " — ", " -> ", " → ", " => ", " = ", " | ", "\t", "    ", " ", " > ", " -- ",
            " ..... ", " (", "** → `",
        ])
    func separators(_ separator: String) throws {
        #expect(try granted("Orders\(separator)Modify") == ["Orders": "modify"])
        #expect(try granted("- **Customers Login\(separator)login") == ["Customers Login": "login"])
    }

    static let shapes: [TextShape] = [
        TextShape(
            "the issue's example: an account line, then an em dash, an arrow and a colon",
            "Account: Sales dashboard\nOrders — Modify\nCustomers → Modify\nProducts: Read-only\n",
            ["Orders": "modify", "Customers": "modify", "Products": "read-only"]),
        TextShape(
            "a Markdown table, its level column after an explanation",
            """
            Grant these:
            | Scope | Why we need it | Access level |
            |---|:---|---|
            | Customers | to read and modify addresses | modify |
            | Orders | we create orders | Read-only |
            """,
            ["Customers": "modify", "Orders": "read-only"]),
        TextShape(
            "a table with no outer pipes and no separator row",
            "Key permissions:\nAPI Resource Name | Value to be selected |\nContent | read-only |\nInformation & settings | None |\n",
            ["Content": "read-only", "Information & Settings": "none"]),
        TextShape(
            "a table copied as tab-separated text, with an explanation column",
            """
            Follow this guide:
            Scope Name\tPermission Level\tExplanation
            Checkout Content\tModify\tWe need access to read and create scripts on the checkout
            Order Transactions\tModify\tAs we process transactions, we need to set/modify them.
            Customer Login\tNone\tWe never log in as a customer.
            """,
            ["Checkout Content": "modify", "Order Transactions": "modify", "Customers Login": "none"]),
        TextShape(
            "a table copied one cell per line, with an explanation cell",
            "Scope\n\nPermission\n\nWhy\n\nOrders\n\nModify\n\nWe read and update your orders.\n\nCustomer Login\n\nNone\n",
            ["Orders": "modify", "Customers Login": "none"]),
        TextShape(
            "a table copied as plain text: the longest name first, words after the level passed over",
            "Checkout Content Modify We need access to create scripts\nProducts Read-only We read your products to create listings\n",
            ["Checkout Content": "modify", "Products": "read-only"]),
        TextShape(
            "a table flattened onto one line",
            "Resource Access Level Content Modify Checkout content Modify Customers login Login Create payments None Metafields Access Standard",
            [
                "Content": "modify", "Checkout Content": "modify", "Customers Login": "login",
                "Create Payments": "none",
                "Metafields Access": "standard",
            ]),
        TextShape(
            "pairs in a sentence",
            "3. Set OAuth scopes: Products Modify, Orders Modify, Information & Settings Read-only.",
            ["Products": "modify", "Orders": "modify", "Information & Settings": "read-only"]),
        TextShape(
            "an arrow list, a caption glued to a level, a singular name",
            "- Orders → Read-only\n- Carts → NoneAPI Account Scopes\n- Order transaction > modify\n",
            ["Orders": "read-only", "Carts": "none", "Order Transactions": "modify"]),
        TextShape(
            "numbered steps with explanations after the level",
            "1. Orders -> read-only : For the funnel\n2) Cart => modify: for adding items to the cart\nStep 3: Themes = None",
            ["Orders": "read-only", "Carts": "modify", "Themes": "none"]),
        TextShape(
            "'Change X from A to B', 'Set X to Y' and names before 'to <level>'",
            """
            Change Customers from none to modify
            Set Orders to Modify.
            Put the “Products” and “Order Fulfillment” fields to Read-only.
            Locate the "Carts" category and move its designation to "modify".
            """,
            [
                "Customers": "modify", "Orders": "modify", "Products": "read-only", "Order Fulfillment": "read-only",
                "Carts": "modify",
            ]),
        TextShape(
            "a list of names before one level, and one level before a list",
            "Orders, Customers: Modify\nRead-only: Products and Store Inventory\nFor your themes and Carts Modify\n",
            [
                "Orders": "modify", "Customers": "modify", "Products": "read-only", "Store Inventory": "read-only",
                "Carts": "modify",
            ]),
        TextShape(
            "a change ends at its last level",
            "Themes: None → Modify\nCarts none to read-only",
            ["Themes": "modify", "Carts": "read-only"]),
        TextShape(
            "a header of levels with a mark under one",
            "| Scope | None | Read-only | Modify |\n|---|---|---|---|\n| Orders | | | ✓ |\n| Products | | x | |\n",
            ["Orders": "modify", "Products": "read-only"]),
        TextShape(
            "a level column per setup is read when the columns agree on every row",
            "| Scope | Full import | Fast headless |\n|---|---|---|\n| Orders | Modify | Modify |\n| Products | Read-only | read only |",
            ["Orders": "modify", "Products": "read-only"]),
        TextShape(
            "a guide's prose stays quiet: no level, a level before a name, a name in lower case",
            """
            NOTE: It is not possible to get the information again.
            - Select "Create API Account".
            The app will read orders. Orders are synced hourly. Read more below.
            Login into the dashboard as the store owner.
            All other scopes may remain as None
            Click Save to modify
            Orders: modify
            """,
            ["Orders": "modify"]),
        TextShape(
            "an unknown name given a level is kept, for the engine to report",
            "Ordrs: Modify\nWebhooks: none\nOrders: modify, Prodcts read-only\n",
            ["?Ordrs": "Modify", "?Webhooks": "none", "Orders": "modify", "?Prodcts": "read-only"]),
    ]

    @Test("the shapes people paste", arguments: shapes)
    func shape(_ shape: TextShape) throws {
        #expect(try granted(shape.text) == shape.grants)
    }

    @Test("entries are located at their scope's name, in tables and one-cell tables too")
    func positions() throws {
        let text =
            "Orders — Modify\n| x | Customers | modify |\n\tProducts\tread-only\nCarts\n\nnone\nSet “Themes” to none"
        #expect(
            entries(try readInput(text)) == [
                "Orders=Modify@1:1", "Customers=modify@2:7", "Products=read-only@3:2", "Carts=none@4:1",
                "Themes=none@7:6",
            ])
    }

    @Test("the issue's example fails the read-only gate: Orders and Customers are read at modify")
    func issueExample() throws {
        let input = Array("Account: Sales dashboard\nOrders — Modify\nCustomers → Modify\nProducts: Read-only\n".utf8)
        let result = lintStandardInput(input, ["--policy", "read-only", "--format", "json"])
        #expect(result.code == 1)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let excessive = findings.filter { $0["rule"] as? String == "excessive-scope" }
        #expect(excessive.compactMap { $0["scope"] as? String }.sorted() == ["Customers", "Orders"])
        #expect(
            excessive.allSatisfy {
                $0["actual"] as? String == "modify" && $0["account"] as? String == "Sales dashboard"
            })
    }

    @Test(
        "fail closed: an unknown scope above none is an error, at none a note",
        arguments: [
            ("Ordrs: Modify", Severity.error), ("Ordrs: none", .note), ("Webhooks → read-only", .error),
            // A short line of capitalized words and a level is a grant even with only a space between.
            ("Webhooks modify", .error), ("Foo Bar Modify", .error),
        ])
    func unknownSeverity(_ text: String, _ severity: Severity) throws {
        let report = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: ["least-privilege"])
            .lint([try readInput(text)])
        #expect(report.findings.filter { $0.rule == .unknownScope }.map(\.severity) == [severity])
    }

    @Test(
        "fail closed: a grant that cannot be read is a located error",
        arguments: [
            LocatedErrorCase(
                "a name and a level apart", "Intro\nOrders are read every hour", 2, 1,
                "expected 'Orders: <level>'"),
            LocatedErrorCase(
                "a level column per setup that differ",
                "| Scope | Full import | Fast headless |\n| Orders | Modify | None |", 2,
                21,
                "expected one level per row"),
            LocatedErrorCase(
                "a verb between", "- Orders should be Modify", 1, 3, "names the scope and the level 'Modify' apart"),
            LocatedErrorCase(
                "a name starting the line, in lower case", "orders (we need) modify", 1, 1, "'orders: <level>'"),
            LocatedErrorCase(
                "a level with no scope above it", "Modify\n\nOrders\n", 1, 1,
                "expected a scope before the level 'Modify'"),
            LocatedErrorCase(
                "a known scope, a misspelt level", "Products: Modfy", 1, 1, "Products has no level 'Modfy'"),
            LocatedErrorCase(
                "a table row's level cell", "| Orders | we need it |", 1, 3, "Orders has no level 'we need it'"),
        ])
    func unreadable(_ item: LocatedErrorCase) throws {
        let error = try #require(captureInvalid { try granted(item.text) })
        #expect(error.position == item.position)
        #expect(error.message.contains(item.phrase), "\(error.message)")
    }

    @Test("the name trie and the catalog agree on every name, in any case and number")
    func namesAgreeWithCatalog() {
        let catalog = Catalog.bigCommerce
        for scope in catalog.scopes {
            for name in [scope.name] + scope.nameAliases {
                let words = name.split(separator: " ")
                let variants = [
                    name, name.uppercased(), name.lowercased(),
                    // Each word's number swapped, as TextWord.fold reads it.
                    words.map { word in
                        guard word.count > 3, word.allSatisfy(\.isLetter), !word.hasSuffix("ss") else {
                            return String(word)
                        }
                        return word.hasSuffix("s") ? String(word.dropLast()) : word + "s"
                    }.joined(separator: " "),
                ]
                for variant in variants {
                    let textWords = TextGrants.words(in: Substring(variant))
                    let match = TextGrants.names.longest(textWords, from: 0)
                    // "Account Users (write)": text reads the resource's name, then its
                    // permission as the level, which `Grants` resolves to the same scope.
                    if scope.group != nil && name.contains("(") {
                        #expect(
                            match.map { catalog.permissions(of: $0.value).contains(scope.id) } == true, "\(variant)")
                        #expect(catalog.scope(named: variant) == scope.id, "\(variant)")
                        continue
                    }
                    #expect(match?.end == textWords.count, "\(variant)")
                    #expect(match?.value == catalog.scope(named: variant), "\(variant)")
                    #expect(catalog.scope(named: variant) == scope.id, "\(variant)")
                }
            }
        }
    }

    @Test("the phrase words are ASCII keys, and a word's number is its key's, in any case")
    func phraseWordsAreKeys() {
        // Numbers are compared for bytes lowered as ASCII; that is the keys' own comparison only
        // when the keys are lower-case ASCII.
        let words = TextGrants.namePhrases.flatMap(\.words) + TextGrants.levelPhrases.flatMap(\.words)
        for word in words {
            #expect(word.utf8.allSatisfy { $0 < 0x80 } && word == word.lowercased(), "\(word)")
        }
        let text: Substring = "Orders & ORDER, ordérs Read-Only: Ⓢtore. Information AND settingS"
        for word in TextGrants.words(in: text) {
            #expect(word.keyWord == TextGrants.vocabulary.lookup(word.key(in: text)), "\(word.key(in: text))")
            #expect(word.foldedWord == TextGrants.vocabulary.lookup(word.folded(in: text)), "\(word.key(in: text))")
        }
        #expect(TextGrants.words(in: text).map { $0.key(in: text) }.contains("and"))
        #expect(TextGrants.vocabulary.lookup("order") >= 0 && TextGrants.vocabulary.lookup("ordér") == -1)
    }

    @Test("every level label is a level phrase, and reads as a level of some scope")
    func levelsAgreeWithCatalog() {
        let catalog = Catalog.bigCommerce
        for scope in catalog.scopes {
            for label in scope.levels.flatMap({ [$0.name] + $0.spellings }) {
                for variant in [label, label.uppercased(), label.replacingOccurrences(of: "-", with: " ")] {
                    #expect(TextGrants.isLevel(Substring(variant)), "\(variant)")
                    #expect(catalog.level(variant, of: scope.id) != nil, "\(variant)")
                }
            }
        }
    }

    @Test("linear in the input: a long line of pairs and many lines of prose are read once")
    func large() throws {
        let pairs = String(repeating: "Orders Modify, Prodcts read-only, ", count: 5_000)
        let export = try readInput(pairs)
        #expect(export.stores[0].accounts[0].scopes.count == 10_000)
        let prose = String(repeating: "The integration will read your orders and create shipments.\n", count: 5_000)
        #expect(throws: ScopeLintError.self) { try readInput(prose + String(repeating: "x ", count: 50_000)) }
        #expect(try granted(prose + "Orders: modify") == ["Orders": "modify"])
    }
}

/// Excerpts of real vendor pages (Fixtures/realworld/<vendor>/input.txt) and the scopes each
/// asks for (expected.json: catalog name → level name).
@Suite("Text reader: real vendor pages")
struct RealWorldPageTests {
    static let folder = packageRoot.appendingPathComponent("Fixtures/realworld")
    static var vendors: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/input.txt").path)
        }.sorted()
    }

    @Test("every page yields exactly the scopes it asks for", arguments: vendors)
    func page(_ vendor: String) throws {
        let directory = Self.folder.appendingPathComponent(vendor)
        let input = try String(contentsOf: directory.appendingPathComponent("input.txt"), encoding: .utf8)
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("expected.json")))
                as? [String: Any])
        if let error = expected["error"] as? [String: Any] {
            // A page the reader must refuse: a located error, never a guess.
            let thrown = try #require(captureInvalid { try readInput(input) }, "\(vendor) should be refused")
            #expect(thrown.position == TextPosition(line: error["line"] as! Int, column: error["column"] as! Int))
            #expect(thrown.message.contains(error["phrase"] as! String), "\(thrown.message)")
            return
        }
        #expect(try granted(input) == expected["scopes"] as? [String: String])
    }

    @Test("the pages are found: an empty list would test nothing")
    func count() { #expect(Self.vendors.count >= 14) }
}
