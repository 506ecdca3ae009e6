import Testing

@testable import ScopeLint

/// `--store` and `--account` name what an input does not; they never replace what it does.
@Suite("--store and --account against the input's own names")
struct NameOptionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var store: String?
        var account: String?
        var at: String
        var testDescription: String { name }
    }

    static let credentials =
        "ACCESS TOKEN: aaa\nCLIENT NAME: Sync\nAPI PATH: https://api.bigcommerce.com/stores/abc/v3/\n"

    static let contradictions: [Case] = [
        Case(name: "an export's store", text: #"{"store_hash": "abc123", "accounts": []}"#, store: "xyz", at: "1:16"),
        Case(
            name: "the second store of an export",
            text: #"{"stores": [{"store_hash": "a", "accounts": []}, {"store_hash": "b", "accounts": []}]}"#,
            store: "a", at: "1:65"),
        Case(
            name: "an export's account",
            text: #"{"store_hash": "a", "accounts": [{"name": "Stone Edge", "scopes": []}]}"#, account: "Feed",
            at: "1:43"),
        Case(
            name: "a token response's context", text: #"{"scope": "store_cart", "context": "stores/abc"}"#,
            store: "xyz",
            at: "1:36"),
        Case(name: "a callback's context", text: "scope=store_cart&context=stores%2Fabc", store: "xyz", at: "1:26"),
        Case(name: "a CSV store cell", text: "store,scope,level\nabc,Orders,modify\n", store: "xyz", at: "2:1"),
        Case(name: "a CSV account cell", text: "scope,account\nOrders,Sync\n", account: "Feed", at: "2:8"),
        Case(name: "a credentials file's API path", text: credentials, store: "xyz", at: "3:46"),
        Case(name: "a credentials file's client name", text: credentials, account: "Feed", at: "2:14"),
        Case(name: "a text list's Store line", text: "Store: s1\n- Orders: modify\n", store: "xyz", at: "1:1"),
        Case(name: "a text list's Account line", text: "Account: Sync\n- Orders: modify\n", account: "Feed", at: "1:1"),
    ]

    @Test("a name the input gives and the option contradicts is an error at the input's own", arguments: contradictions)
    func contradiction(_ c: Case) throws {
        let options = ReadOptions(storeHash: c.store, accountName: c.account)
        let error = try #require(captureInvalid { try readInput(c.text, options: options) })
        #expect(error.printed.hasPrefix("in:\(c.at): error: this input names the"), "\(error.printed)")
        #expect(error.message.contains("but --\(c.store == nil ? "account" : "store") says"))
    }

    @Test("the same error when the export streams")
    func streamed() throws {
        let bytes = Array(#"{"store_hash": "abc123", "accounts": []}"#.utf8)
        let error = try #require(
            captureInvalid {
                try InputFormat.stream(
                    InputBytes(copying: bytes), file: "in", options: ReadOptions(storeHash: "xyz")
                ) { _ in }
            })
        #expect(error.position == TextPosition(line: 1, column: 16))
    }

    @Test("names that agree are fine, and the options fill what the input leaves unnamed")
    func agreeOrFill() throws {
        let export = try readInput(
            #"{"stores": [{"store_hash": "a", "accounts": [{"name": "Feed", "scopes": []}]}, {"accounts": []}]}"#,
            options: ReadOptions(storeHash: "a", accountName: "Feed"))
        #expect(export.stores.map(\.hash) == ["a", "a"])
        let csv = try readInput(
            "store,account,scope\na,,Orders\n,Feed,Products\n",
            options: ReadOptions(storeHash: "a", accountName: "Feed"))
        #expect(csv.stores.map(\.hash) == ["a"])
        #expect(csv.stores[0].accounts.map(\.name) == ["Feed"])
        let token = try readInput(
            #"{"scope": "store_cart", "context": "stores/a"}"#,
            options: ReadOptions(storeHash: "a", accountName: "Feed"))
        #expect(token.stores[0].hash == "a")
        #expect(token.stores[0].accounts[0].name == "Feed")
        let text = try readInput("Store: a\nAccount: Feed\n- Orders: modify\n", options: ReadOptions(storeHash: "a"))
        #expect(text.stores.map(\.hash) == ["a"])
    }
}
