import Testing

@testable import ScopeLint

@Suite("CSV: OAuth-parameter columns, one column per scope, nothing dropped")
struct CSVReaderTests {
    @Test(
        "a scope cell of several OAuth parameters is read parameter by parameter, each at its column",
        arguments: [
            (
                "Account,Scopes\nFeed,store_v2_orders store_v2_products_read_only\n",
                ["store_v2_orders=-@2:6", "store_v2_products_read_only=-@2:22"]
            ),
            (
                "Account,Scopes\nFeed,\"store_cart, store_sites\n store_v2_content\"\n",
                ["store_cart=-@2:7", "store_sites=-@2:19", "store_v2_content=-@3:2"]
            ),
            ("scope;level\nstore_v2_orders+store_cart;\n", ["store_v2_orders=-@2:1", "store_cart=-@2:17"]),
            // One scope per cell reads as before: a UI name with spaces, a parameter with a level.
            ("scope,level\nOrder Transactions,modify\n", ["Order Transactions=modify@2:1"]),
            ("scope,level\nstore_v2_orders,read-only\n", ["store_v2_orders=read-only@2:1"]),
            // Empty cells past the header carry nothing to drop.
            ("scope,level\nOrders,modify,,\n", ["Orders=modify@2:1"]),
            // CR LF and a lone CR end a line as LF does, inside quotes too; lines count the same.
            ("scope,level\r\nOrders,modify\r\nCarts,none\r\n", ["Orders=modify@2:1", "Carts=none@3:1"]),
            ("scope,level\rOrders,modify\rCarts,none", ["Orders=modify@2:1", "Carts=none@3:1"]),
            (
                "Account,Scopes\r\nFeed,\"store_cart\r\nstore_sites\rstore_v2_content\"\r\n",
                ["store_cart=-@2:7", "store_sites=-@3:1", "store_v2_content=-@4:1"]
            ),
        ])
    func parameterCells(_ text: String, _ expected: [String]) throws {
        #expect(entries(try readInput(text)) == expected)
    }

    @Test("one column per scope: each row an account, each cell a level, an empty cell lists nothing")
    func oneColumnPerScope() throws {
        let text = "Store,Account,Orders,Products,Customers,Notes\ns1,Feed,modify,read-only,,\ns1,Sync,none,,modify,x\n"
        let export = try readInput(text)
        #expect(export.stores.map(\.hash) == ["s1"])
        #expect(export.stores[0].accounts.map(\.name) == ["Feed", "Sync"])
        #expect(
            entries(export) == [
                "Orders=modify@2:9", "Products=read-only@2:16", "Orders=none@3:9", "Customers=modify@3:15",
            ])
    }

    @Test(
        "detection: a header with a scope column, or an account column and scope names only",
        arguments: [
            ("Scope,Level", true),
            ("Account,Orders,Products", true),
            ("Store;Account name;Orders;Information & Settings", true),
            // Scope parameters or scope names alone are a scope string or a list, not a header.
            ("store_v2_orders, store_cart", false),
            ("Orders, Products", false),
            ("Account,Orders,Made Up", false),
        ])
    func sniff(_ header: String, _ isCSV: Bool) {
        #expect(CSVReader.sniff(header + "\nx,y") == isCSV)
    }

    static let malformed: [LocatedErrorCase] = [
        LocatedErrorCase(
            "a cell beyond the header", "scope,level\nOrders,modify,oops\n", 2, 15, "beyond its last column"),
        LocatedErrorCase(
            "a cell beyond the header, CR LF", "scope,level\r\n\r\nOrders,modify,oops\r\n", 3, 15,
            "beyond its last column"),
        LocatedErrorCase("an unknown column", "scope,level,Owner\nOrders,modify,me\n", 1, 13, "unknown column 'Owner'"),
        LocatedErrorCase(
            "an unknown column before the known ones", "Owner,scope,level\nme,Orders,modify\n", 1, 1,
            "unknown column 'Owner'"),
        LocatedErrorCase(
            "the first of many unknown columns", "scope,level" + String(repeating: ",Owner", count: 2000) + "\nx,y\n",
            1,
            13, "unknown column 'Owner'"),
        LocatedErrorCase("a misspelt scope column", "Account,Ordrs\nFeed,modify\n", 1, 9, "did you mean 'Orders'"),
        LocatedErrorCase(
            "a cell under no name", "scope,,level\nOrders,x,modify\n", 2, 8, "the header names no column here"),
        LocatedErrorCase(
            "a column given twice", "scope,resource,level\nOrders,x,modify\n", 1, 7, "a second 'resource' column"),
        LocatedErrorCase(
            "a scope column given twice", "Account,Orders,orders\nFeed,modify,none\n", 1, 16, "a second 'orders' column"
        ),
        LocatedErrorCase("both shapes", "scope,level,Orders\nx,modify,none\n", 1, 13, "not both"),
        LocatedErrorCase(
            "no scope column", "name,level\nx,modify\n", 1, 1, "or an account column and one column per scope"),
        LocatedErrorCase(
            "parameters with a level", "scope,level\nstore_v2_orders store_cart,modify\n", 2, 28,
            "expected no level beside 2 OAuth parameters"),
        LocatedErrorCase(
            "an account's type changing", "account,type,scope\nA,store,Orders\nA,app,Products\n", 3, 3,
            "as on its first row"),
        LocatedErrorCase(
            "an account's client id changing", "account,client id,scope\nA,c1,Orders\nA,c2,Products\n", 3, 3,
            "client id of 'A'"),
    ]

    @Test("what a spreadsheet holds but scopelint cannot place is a located error", arguments: malformed)
    func errors(_ c: LocatedErrorCase) throws {
        let error = try #require(captureInvalid { try readInput(c.text, from: "csv") })
        #expect(error.position == c.position)
        #expect(error.message.contains(c.phrase), "\(error.message)")
    }

    @Test("a client id column is kept on the account")
    func clientID() throws {
        let export = try readInput("account,client id,scope\nA,c1,Orders\nA,,Products\n")
        #expect(export.stores[0].accounts.map(\.clientID) == ["c1"])
    }
}
