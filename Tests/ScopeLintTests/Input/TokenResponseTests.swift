import Testing

@testable import ScopeLint

@Suite("Token responses and callback parameters: never last-wins")
struct TokenResponseTests {
    static let malformed: [LocatedErrorCase] = [
        LocatedErrorCase(
            "a second scope key", "{\n  \"scope\": \"store_v2_orders\",\n  \"scope\": \"store_v2_products\"\n}", 3, 3,
            "duplicate key 'scope' in the token response"),
        LocatedErrorCase(
            "a second context key", #"{"scope": "store_cart", "context": "stores/a", "context": "stores/b"}"#, 1, 48,
            "duplicate key 'context'"),
        LocatedErrorCase(
            "a context that names no store", #"{"scope": "store_cart", "context": "accounts/a"}"#, 1, 36,
            "'stores/{store_hash}'"),
        LocatedErrorCase(
            "a context that is no string", #"{"scope": "store_cart", "context": 7}"#, 1, 36, "'stores/{store_hash}'"),
        LocatedErrorCase(
            "no scope, forced", #"{"access_token": "x"}"#, 1, 1, "expected an OAuth token response with \"scope\""),
        LocatedErrorCase(
            "two scope= in one query", "code=x&scope=store_cart&context=stores%2Fa&scope=store_v2_orders", 1, 44,
            "duplicate key 'scope' in the callback parameters"),
        LocatedErrorCase(
            "a callback context that names no store", "scope=store_cart&context=stores%2F", 1, 26,
            "'stores/{store_hash}'"),
        LocatedErrorCase(
            "a joiner after context= is in its value, not in its key", "scope=store_cart&context=\u{200D}stores%2Fa",
            1, 26, "'stores/{store_hash}'"),
        LocatedErrorCase(
            "a line that is no query", "scope=store_cart\n  see the install log\n", 2, 3, "scope= on every line"),
        LocatedErrorCase(
            "a line without scope=", "scope=store_cart\ncode=y&context=stores%2Fa\n", 2, 1, "scope= on every line"),
    ]

    @Test("what would be a guess is a located error", arguments: malformed)
    func errors(_ c: LocatedErrorCase) throws {
        let error = try #require(captureInvalid { try readInput(c.text, from: "token-response") })
        #expect(error.position == c.position)
        #expect(error.message.contains(c.phrase), "\(error.message)")
    }

    @Test("detection reaches the same errors as --from token-response")
    func detected() throws {
        let error = try #require(
            captureInvalid { try readInput(#"{"scope": "store_cart", "scope": "store_v2_orders"}"#) })
        #expect(error.printed.hasPrefix("in:1:25: error: duplicate key 'scope'"))
    }

    @Test("several callback lines are one account each, grouped by the store their context names")
    func severalCallbacks() throws {
        let text = """
            https://app.test/auth?code=a&scope=store_v2_orders&context=stores%2Fs1
            code=b&scope=store_cart+store_v2_products&context=stores%2Fs2

            scope=store_v2_content&context=stores%2Fs1
            """
        // Detection takes a blank line for prose (a pasted guide); forced, blank lines are passed over.
        let export = try readInput(text, from: "token-response")
        #expect(export.stores.map(\.hash) == ["s1", "s2"])
        #expect(
            export.stores.map { $0.accounts.map(\.name) } == [
                ["App token (line 1)", "App token (line 4)"], ["App token (line 2)"],
            ])
        #expect(export.stores[0].accounts.map { $0.scopes.map(\.key) } == [["store_v2_orders"], ["store_v2_content"]])
        #expect(
            entries(export) == [
                "store_v2_orders=-@1:36", "store_v2_content=-@4:7", "store_cart=-@2:14", "store_v2_products=-@2:25",
            ])
        #expect(
            export.stores.flatMap(\.accounts).flatMap(\.secrets).map(\.position) == [
                .init(line: 1, column: 23), .init(line: 2, column: 1),
            ])
    }

    @Test("one callback line keeps the plain name; --account names every query")
    func names() throws {
        #expect(try readInput("scope=store_cart").stores[0].accounts.map(\.name) == ["App token"])
        let named = try readInput(
            "scope=store_cart\nscope=store_v2_orders", options: ReadOptions(accountName: "Feed"))
        #expect(named.stores.map { $0.accounts.map(\.name) } == [["Feed", "Feed"]])
    }

    @Test("a percent escape decodes as UInt8(_:radix: 16) reads its two characters, for every pair of bytes")
    func percentEscapes() {
        for high in UInt8.min...UInt8.max {
            for low in UInt8.min...UInt8.max {
                let expected = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                #expect(TokenResponseReader.hexByte(high, low) == expected, "\(high) \(low)")
            }
        }
    }

    @Test("callback parameters are located by scalar, whatever the bytes before them")
    func columns() throws {
        let export = try readInput("é=1&scope=store_cart%20store_v2_orders+%2Cstore_v2_content&context=stores%2Fabc")
        let entries = export.stores[0].accounts[0].scopes
        #expect(entries.map(\.key) == ["store_cart", "store_v2_orders", "store_v2_content"])
        #expect(entries.map(\.position.column) == [11, 24, 43])
        #expect(export.stores[0].hash == "abc")
    }

    @Test("a combining mark after & starts the next pair, as in a URL, not part of the scope value")
    func separatorsAreBytes() throws {
        let export = try readInput("scope=store_cart&\u{301}code=x&context=stores%2Fa")
        #expect(export.stores[0].accounts[0].scopes.map(\.key) == ["store_cart"])
    }
}
