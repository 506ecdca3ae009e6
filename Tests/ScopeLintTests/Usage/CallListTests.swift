import Testing

@testable import ScopeLint

@Suite("Usage: call lists")
struct CallListTests {
    private func calls(_ text: String) throws -> [APICall] {
        var found: [APICall] = []
        let input: InputFile.StandardInput = { _ in InputBytes(copying: Array(text.utf8)) }
        _ = try UsageInput.read("-", standardInput: input) { record in
            if case .call(let call) = record { found.append(call) }
        }
        return found
    }

    @Test func readsPathsAndURLsWithoutQueries() throws {
        let read = try calls(
            "# recorded 2026-11-29\nGET /v3/catalog/products\n\n  post https://API.BigCommerce.com:443/stores/abc/v2/orders/10021?access_token=t0k3n#x\n"
        )
        #expect(read.map(\.method) == ["GET", "POST"])
        #expect(read.map(\.host) == [nil, "api.bigcommerce.com"])
        #expect(read.map(\.path) == ["/v3/catalog/products", "/stores/abc/v2/orders/10021"])
        #expect(read.map(\.location.description) == ["<stdin>:2:1", "<stdin>:4:3"])
    }

    @Test func refusesWhatIsNotACall() throws {
        #expect(throws: ScopeLintError.self) { try calls("GET /v3/orders\nOrders: modify\n") }
        #expect(throws: ScopeLintError.self) { try calls("GET\n") }
        #expect(throws: ScopeLintError.self) { try calls("GET v3/orders\n") }
    }
}
