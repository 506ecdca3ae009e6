import Foundation
import Testing

@testable import ScopeLint

/// One row of the endpoint map built into the binary, for the tests over every row.
struct EndpointRow: CustomTestStringConvertible, Sendable {
    var fields: [String]
    var method: String { fields[0] }
    var path: String { fields[1] }
    var parameters: [String] { fields[2] == "-" ? [] : fields[2].split(separator: ",").map(String.init) }
    var basis: String { fields[3] }
    var testDescription: String { "\(method) \(path)" }

    static let all = EndpointScopes.rows.map { EndpointRow(fields: $0.split(separator: " ").map(String.init)) }
}

@Suite("Usage: the operation index")
struct OperationIndexTests {
    let index = OperationIndex.bigCommerce

    private func call(_ method: String, _ path: String, host: String? = nil) -> APICall {
        APICall(
            method: method, host: host, path: path,
            location: SourceLocation(file: "calls.txt", position: TextPosition(line: 1, column: 1)))
    }

    /// The template a call matches, or what it is instead.
    private func template(_ method: String, _ path: String, host: String? = nil) -> String {
        switch index.match(call(method, path, host: host)) {
        case .operation(let found): index.operations[found].name
        case .otherHost: "other host"
        case .unmapped: "unmapped"
        }
    }

    @Test func aLiteralSegmentWinsOverAParameter() {
        #expect(
            template("PUT", "/v3/catalog/products/channel-assignments")
                == "PUT /v3/catalog/products/channel-assignments")
        #expect(template("PUT", "/v3/catalog/products/111") == "PUT /v3/catalog/products/{product_id}")
        // A literal branch that leads nowhere is backed out of: `metafields` is also a product id.
        #expect(
            template("GET", "/v3/catalog/products/metafields/variants")
                == "GET /v3/catalog/products/{product_id}/variants")
    }

    @Test func theStorePrefixIsOptional() {
        #expect(template("GET", "/stores/z4zn3wo/v3/catalog/products") == "GET /v3/catalog/products")
        #expect(template("GET", "/v3/catalog/products") == "GET /v3/catalog/products")
        #expect(template("GET", "/stores/{{store_hash}}/v2/orders/10021") == "GET /v2/orders/{order_id}")
    }

    @Test func postmanVariablesMatchParametersOnly() {
        #expect(template("GET", "/v3/catalog/products/:product_id") == "GET /v3/catalog/products/{product_id}")
        #expect(template("GET", "/v3/catalog/products/{{product_id}}") == "GET /v3/catalog/products/{product_id}")
        // A variable never stands for a literal segment.
        #expect(template("PUT", "/v3/catalog/products/:id") == "PUT /v3/catalog/products/{product_id}")
        #expect(template("GET", "/v3/catalog/:section") == "unmapped")
    }

    @Test func headIsGETAndATrailingSlashIsTolerated() {
        #expect(template("HEAD", "/v3/catalog/categories/18") == "GET /v3/catalog/categories/{category_id}")
        #expect(template("GET", "/v3/catalog/products/") == "GET /v3/catalog/products")
    }

    @Test func hostsOtherThanTheAPIArePassedOver() {
        #expect(template("GET", "/v3/catalog/products", host: "api.bigcommerce.com") == "GET /v3/catalog/products")
        #expect(template("GET", "/s-abc/images/1.jpg", host: "cdn11.bigcommerce.com") == "other host")
        #expect(template("GET", "/v3/catalog/products", host: "shop.example.com") == "other host")
        #expect(template("CONNECT", "/", host: nil) == "unmapped")
        #expect(template("GET", "/v3/nothing") == "unmapped")
        #expect(
            index.match(call("POST", "/stores/z4zn3wo/graphql"))
                == .unmapped("a GraphQL request: what it needs is in its query, which is never read"))
        // The docs name no scope for the storefront API: a call to it cannot be mapped.
        #expect(template("POST", "/api/storefront/carts") == "unmapped")
    }

    /// The B2B Edition API is not another host to pass over: its Management API needs the B2B
    /// Edition scope, and its buyer-token APIs are unmapped (listed, exit 1), never silent.
    @Test func theB2BEditionAPIIsMappedOrUnmappedNeverPassedOver() throws {
        let b2b = OperationIndex.b2bHost
        #expect(template("GET", "/api/v3/io/companies", host: b2b) == "GET https://api-b2b.bigcommerce.com/api/v3/io/…")
        #expect(
            template("HEAD", "/api/v3/io/companies", host: b2b) == "GET https://api-b2b.bigcommerce.com/api/v3/io/…")
        guard case .operation(let found) = index.match(call("PUT", "/api/v3/io/rfq/7", host: b2b)) else {
            Issue.record("the B2B Management API is not mapped")
            return
        }
        let grant = try #require(index.operations[found].anyOf.first)
        #expect(Catalog.bigCommerce[grant.scope].name == "B2B Edition")
        #expect(Catalog.bigCommerce[grant.scope].levelName(grant.level) == "modify")
        #expect(template("POST", "/graphql", host: b2b) == "unmapped")
        #expect(template("GET", "/api/v2/orders", host: b2b) == "unmapped")
        #expect(template("CONNECT", "/", host: b2b) == "unmapped")
        #expect(template("CONNECT", "/", host: "cdn11.bigcommerce.com") == "other host")
    }

    @Test func theIssuesCustomersCase() throws {
        let found = index.match(call("GET", "/v3/customers"))
        guard case .operation(let operation) = found else {
            Issue.record("GET /v3/customers is not mapped")
            return
        }
        let catalog = Catalog.bigCommerce
        #expect(index.operations[operation].anyOf.map { catalog[$0.scope].name } == ["Customers"])
        // Webhook management needs no scope beyond the default.
        guard case .operation(let hooks) = index.match(call("POST", "/v3/hooks")) else {
            Issue.record("POST /v3/hooks is not mapped")
            return
        }
        #expect(index.operations[hooks].anyOf.isEmpty)
    }

    /// Rows reviewed against the docs (docs/catalog.md, "Reviewed rows").
    static let reviewed = [
        "GET /v3/customers needs Customers: read-only",
        "GET /v3/customers/1/stored-instruments needs Stored Payment Instruments: read-only",
        "PUT /v3/shipping/settings needs Information & Settings: modify",
        "PUT /v3/shipping/products/customs-information needs Products: modify",
        "GET /v3/channels needs Channel Settings: read-only",
        "GET /v3/channels/1/listings needs Channel Listings: read-only",
        "PUT /v3/channels/1/site needs Sites & Routes: modify",
        "GET /v3/orders/1/metafields needs Orders: read-only",
        "GET /v3/orders/1/transactions needs Order Transactions: read-only, Order Transactions: modify",
        "POST /v3/content/scripts needs Content: modify",
        "DELETE /v3/storefront/api-token needs Storefront API Tokens: manage",
        "GET /v3/pricelists needs Products: read-only",
        "GET /v3/segments needs Customers: read-only",
        "PUT /v3/hooks/1 needs ",
    ]

    @Test("rows reviewed against the docs", arguments: reviewed)
    func reviewedRow(_ text: String) throws {
        let parts = text.components(separatedBy: " needs ")
        let words = parts[0].split(separator: " ")
        guard case .operation(let found) = index.match(call(String(words[0]), String(words[1]))) else {
            Issue.record("\(parts[0]) is not mapped")
            return
        }
        let catalog = Catalog.bigCommerce
        let names = index.operations[found].anyOf.map {
            "\(catalog[$0.scope].name): \(catalog[$0.scope].levelName($0.level))"
        }
        #expect(names.joined(separator: ", ") == parts[1])
    }

    @Test("every scope the map names is in the catalog", arguments: EndpointRow.all)
    func mapParametersResolve(_ row: EndpointRow) {
        for parameter in row.parameters {
            #expect(Catalog.bigCommerce.parameter(parameter) != nil, "\(parameter)")
        }
    }

    @Test("every row matches its own template with concrete ids", arguments: EndpointRow.all)
    func rowMatchesItsTemplate(_ row: EndpointRow) {
        let concrete = row.path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0 == "{store_hash}" ? "z4zn3wo" : OperationIndex.isParameter($0.utf8) ? "1234" : String($0)
        }.joined(separator: "/")
        let expected =
            "/"
            + OperationIndex.segments(of: Substring(row.path)).joined(separator: "/")
        let found = index.match(call(row.method, concrete))
        if row.basis == "none-found" {
            #expect(found != .otherHost)
            if case .operation = found { Issue.record("\(row.testDescription) has no scope but was mapped") }
            return
        }
        guard case .operation(let operation) = found else {
            Issue.record("\(row.testDescription) as \(concrete): \(found)")
            return
        }
        #expect(index.operations[operation].method == row.method)
        // Two specs may spell one path's parameters differently; the first row keeps the path.
        func shape(_ template: String) -> String {
            template.split(separator: "/", omittingEmptySubsequences: false).map {
                OperationIndex.isParameter($0.utf8) ? "{}" : String($0)
            }.joined(separator: "/")
        }
        #expect(shape(index.operations[operation].template) == shape(expected))
    }
}
