import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

@Suite("Usage: generating a policy, and comparing one (--against)")
struct PolicyGeneratorTests {
    let catalog = Catalog.bigCommerce

    /// The calls of a call list, counted.
    private func usage(_ text: String, file: String = "calls.txt") throws -> UsageSummary {
        var summary = UsageSummary()
        summary.read(file: file)
        let input: InputFile.StandardInput = { _ in InputBytes(copying: Array(text.utf8)) }
        _ = try UsageInput.read("-", standardInput: input) { summary.add($0) }
        return summary
    }

    private func risks() throws -> ResolvedPolicy {
        try PolicyLibrary.bundled().resolve(LintEngine.fallbackPolicyID)
    }

    private func needs(_ text: String) throws -> [String] {
        try usage(text).needs(risks: risks()).map {
            "\(catalog[$0.scope].name): \(catalog[$0.scope].levelName($0.level))"
        }
    }

    private func generated(_ summary: UsageSummary, header: PolicyGenerator.Header = .init()) throws -> String {
        let stream = ByteStream()
        let risks = try risks()
        PolicyGenerator.write(
            summary, needs: summary.needs(risks: risks), header: header, risks: risks, catalog: catalog, to: stream)
        return stream.text
    }

    @Test func eachScopeAtTheLeastLevelEveryCallNeeds() throws {
        #expect(try needs("GET /v3/catalog/products\nHEAD /v3/catalog/products/1\n") == ["Products: read-only"])
        #expect(
            try needs("GET /v3/catalog/products\nPUT /v3/catalog/products/1\nGET /v2/store\n") == [
                "Information & Settings: read-only", "Products: modify",
            ])
        // The case: the customers spec also lists Stored Payment Instruments.
        #expect(try needs("GET /v3/customers\n") == ["Customers: read-only"])
        #expect(try needs("POST /v3/hooks\n") == [])
    }

    @Test func severalScopesOneOperation() throws {
        // Refunds need Orders or Order Transactions: alone, the one least-privilege finds less
        // risky (Orders at read-only is personal data; Order Transactions at read-only no risk row).
        let refunds = "GET /v3/orders/1/payment_actions/refunds\n"
        #expect(try needs(refunds) == ["Order Transactions: read-only"])
        // With another call that needs Orders, that scope covers it: no second scope.
        #expect(try needs(refunds + "GET /v2/orders/1\n") == ["Orders: read-only"])
        // At the level it is already needed or above, first.
        #expect(
            try needs("POST /v3/orders/1/payment_actions/void\nPUT /v2/orders/1\n") == ["Orders: modify"])
    }

    @Test func theSameCallsInAnyOrderGiveTheSameBytes() throws {
        let lines = [
            "GET /v3/catalog/products", "PUT /v3/catalog/products/1", "GET /v3/customers", "GET /v2/store",
            "GET /v3/orders/1/payment_actions/refunds", "GET /v2/orders/7", "POST /v3/hooks", "GET /v3/nothing",
        ]
        let first = try generated(usage(lines.joined(separator: "\n")))
        var random = SeededGenerator(seed: 16)
        for _ in 0..<5 {
            #expect(try generated(usage(lines.shuffled(using: &random).joined(separator: "\n"))) == first)
        }
    }

    static let usages = [
        "GET /v3/catalog/products\n",
        "GET /v3/catalog/products\nPUT /v3/inventory/adjustments/absolute\nGET /v3/inventory/locations\n",
        "GET /v3/customers\nPOST /v3/content/scripts\nPUT /v3/themes/actions/activate\nPOST /v3/hooks\n",
        "GET /v3/orders/1/payment_actions/refunds\nPOST /v3/storefront/api-token\nGET /v3/channels/1/listings\n",
        "POST /v3/hooks\n",
    ]

    @Test("the generated policy loads and resolves with the bundled library", arguments: usages)
    func generatedPolicyLoads(_ text: String) throws {
        let header = PolicyGenerator.Header(
            id: "my-app", title: "My \"app\"\n##[error] \u{1B}[31m\u{202E}\u{85}\u{E0041}\u{7F}é",
            source: "https://example.com/app?x=1#y")
        let summary = try usage(text, file: "cal\"ls\n.txt")
        let written = try generated(summary, header: header)
        let policy = try PolicyLoader.load(Array(written.utf8), file: "generated.json5", catalog: catalog)
        #expect(policy.id == "my-app")
        #expect(policy.title == header.title)
        #expect(!written.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B || $0.value == 0xE0041 })
        #expect(policy.source?.url == header.source)
        #expect(policy.unlisted == .none)
        #expect(policy.extends.map(\.id) == ["least-privilege"])
        var library = try PolicyLibrary.bundled()
        library.add(policy)
        let resolved = try library.resolve("my-app")
        for need in summary.needs(risks: try risks()) {
            #expect(resolved.minimum[need.scope.index] == need.level)
            #expect(resolved.maximum[need.scope.index] == need.level)
        }
        // Every risky level required is listed for the author to accept; none is accepted for them.
        #expect(policy.accepts.isEmpty)
        for need in summary.needs(risks: try risks()) where try risks().risk(for: need.scope, at: need.level) != nil {
            #expect(
                written.contains("//   \(catalog[need.scope].name) at \(catalog[need.scope].levelName(need.level))"))
        }
    }

    @Test func aSourceThatIsNoWebAddressIsATitle() throws {
        for source in ["https://example.com/a b", "http://\"quoted\"", "ftp://example.com"] {
            let written = try generated(usage("GET /v3/catalog/products\n"), header: .init(id: "x", source: source))
            let policy = try PolicyLoader.load(Array(written.utf8), file: "generated.json5", catalog: catalog)
            #expect(policy.source == Policy.Source(title: source))
        }
        let blank = try generated(usage("GET /v3/catalog/products\n"), header: .init(id: "x", source: "  "))
        #expect(try PolicyLoader.load(Array(blank.utf8), file: "generated.json5", catalog: catalog).source == nil)
    }

    @Test func aPlainSourceIsTheTitleForm() throws {
        let written = try generated(
            usage("GET /v3/catalog/products\n"), header: .init(id: "x", source: "our client's test run"))
        let policy = try PolicyLoader.load(Array(written.utf8), file: "generated.json5", catalog: catalog)
        #expect(policy.source == Policy.Source(title: "our client's test run"))
        #expect(policy.title == "API usage of calls.txt")
    }

    @Test func nothingButMethodAndTemplateReachesThePolicy() throws {
        let token = "a8f3k29dk3m5n7p9q2r4s6t8v0w1x3y5"
        let summary = try usage(
            "GET https://user:\(token)@api.bigcommerce.com/stores/z4zn3wo/v3/catalog/products/\(token)?access_token=\(token)\nGET /v3/exports/\(token)/download\n"
        )
        let written = try generated(summary)
        #expect(!written.contains(token))
        #expect(!written.contains("z4zn3wo"))
        #expect(written.contains("GET /v3/catalog/products/{product_id} (1)"))
        // The unmapped call is kept with its path redacted.
        #expect(summary.unmapped.map(\.request) == ["GET /v3/exports/[redacted]/download"])
    }

    @Test func theUnmappedReportIsEscapedForTheTerminal() throws {
        // The readers refuse controls in a target; a library caller may still hand one over.
        var summary = try usage("GET /v3/\u{202E}gpj.exe\n")
        let at = SourceLocation(file: "<stdin>", position: TextPosition(line: 2, column: 1))
        summary.add(.call(APICall(method: "GET", host: nil, path: "/v3/\u{1B}[2J\u{7}", location: at)))
        let report = PoliciesCommand.unmappedReport(summary)
        #expect(!report.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7}" })
        #expect(report.contains("<stdin>:1:1: GET /v3/\\u{202E}gpj.exe"))
        #expect(report.contains("<stdin>:2:1: GET /v3/\\u{1B}[2J\\u{7}"))
        #expect(report.hasSuffix("scopelint: 2 calls read: 0 mapped, 0 to other hosts (passed over), 2 unmapped\n"))
    }

    @Test func aRequestTheInputCannotShowIsUnmapped() throws {
        var summary = try usage("GET /v3/catalog/products\n")
        let at = SourceLocation(file: "access.log", position: TextPosition(line: 7, column: 1))
        summary.add(.unreadable(at, what: "a request line of -"))
        summary.add(.call(APICall(method: "CONNECT", host: "api.bigcommerce.com", path: "/", location: at)))
        summary.add(.call(APICall(method: "CONNECT", host: "cdn11.bigcommerce.com", path: "/", location: at)))
        #expect(summary.unmapped.map(\.request) == ["a request line of -", "CONNECT /"])
        #expect((summary.callsRead, summary.mappedCalls, summary.otherHosts, summary.unmappedCalls) == (4, 1, 1, 2))
    }

    @Test func memoryIsOneEntryAnOperationWhateverTheIds() throws {
        let lines = (0..<5000).map { "GET /stores/s\($0)/v3/catalog/products/\($0)?page=\($0)" }
        let summary = try usage(lines.joined(separator: "\n"))
        #expect(summary.uses.count == 1)
        #expect(summary.uses.values.first?.count == 5000)
        #expect(summary.uses.values.first?.first.line == 1)
    }

    @Test func unmappedExamplesAreCapped() throws {
        let lines = (0..<25).map { "GET /v3/nothing-\($0)" } + ["GET /v3/nothing-3", "GET /v3/catalog/products"]
        let summary = try usage(lines.joined(separator: "\n"))
        #expect(summary.unmapped.count == UsageSummary.unmappedExamples)
        #expect(summary.unmapped[3].count == 2)
        #expect(summary.unmappedBeyondExamples == 5)
        #expect(summary.unmappedCalls == 26)
        #expect(summary.callsRead == 27)
        #expect(summary.mappedCalls == 1)
        #expect(summary.uses.count == 1)
    }

    @Test func comparisonFindsUnusedAndMissing() throws {
        var library = try PolicyLibrary.bundled()
        let text = """
            { id: "old", extends: ["least-privilege"], unlisted: "none",
              scopes: { "Products": "read-only", "Orders": "read-only", "Store Inventory": { min: "none", max: "modify" } } }
            """
        library.add(try PolicyLoader.load(Array(text.utf8), file: "old.json5", catalog: catalog))
        let policy = try library.resolve("old")
        let summary = try usage("PUT /v3/catalog/products/1\nGET /v3/inventory/items\n")
        let comparison = UsageComparison(needs: summary.needs(risks: try risks()), policy: policy, catalog: catalog)
        let products = try #require(catalog.scope(named: "Products"))
        let orders = try #require(catalog.scope(named: "Orders"))
        let inventory = try #require(catalog.scope(named: "Store Inventory"))
        #expect(comparison.missing == [.init(scope: products, needed: 2, allowed: 1)])
        #expect(
            comparison.unused == [
                .init(scope: orders, allowed: 1, needed: 0, required: true),
                .init(scope: inventory, allowed: 2, needed: 1, required: false),
            ])
        #expect(comparison.isMissingAccess)
        // The policy generated from the same calls has neither.
        let written = try generated(summary, header: .init(id: "new"))
        library.add(try PolicyLoader.load(Array(written.utf8), file: "new.json5", catalog: catalog))
        let exact = UsageComparison(
            needs: summary.needs(risks: try risks()), policy: try library.resolve("new"), catalog: catalog)
        #expect(exact.missing.isEmpty && exact.unused.isEmpty)
    }
}
