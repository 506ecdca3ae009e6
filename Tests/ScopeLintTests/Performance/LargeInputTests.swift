import Foundation
import Testing

@testable import ScopeLint

/// The JSON report rendered on every core (20,000 findings and up) must be the one-thread report.
@Suite("Large inputs")
struct LargeInputTests {
    /// A fleet of 60 stores: the parallel renderer is forced on it.
    static let fleet: String = {
        let names = ["Modern Retail Integration", "Stone Edge Order Manager", "Reporting", "Zapier"]
        var text = "{\n  \"format\": \"scopelint-export/1\",\n  \"stores\": [\n"
        for store in 0..<60 {
            text += "    {\n      \"store_hash\": \"s\(store)\",\n      \"accounts\": [\n"
            for account in 0..<10 {
                let level = (store + account) % 3 == 0 ? "modify" : "read-only"
                text +=
                    "        {\n          \"name\": \"\(names[account % 4]) \(account)\",\n          \"scopes\": {\n"
                text +=
                    "            \"Customers\": \"\(level)\",\n            \"Orders\": \"modify\",\n            \"Products\": \"\(level)\",\n"
                text +=
                    "            \"Marketing\": \"modify\",\n            \"Order Transactions\": \"modify\",\n            \"Carts\": \"modify\",\n"
                text +=
                    "            \"Storefront API Tokens\": \"manage\",\n            \"Information & Settings\": \"read-only\",\n"
                for filler in 0..<40 { text += "            \"Not A Scope \(filler % 3)\": \"none\",\n" }
                text +=
                    "            \"Checkouts\": \"\(account % 2 == 0 ? "modify" : "none")\"\n          }\n        }\(account < 9 ? "," : "")\n"
            }
            text += "      ]\n    }\(store < 59 ? "," : "")\n"
        }
        return text + "  ]\n}\n"
    }()

    @Test("the report rendered on every core is byte for byte the one-thread report")
    func parallelRendering() throws {
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        let report = try engine.lint([try ExportReader.read(Array(Self.fleet.utf8), file: "fleet.json")])
        let one = ByteStream()
        let every = ByteStream()
        JSONReporter.write(report, to: one, parallelAbove: .max)
        JSONReporter.write(report, to: every, parallelAbove: 0)
        #expect(one.text == every.text)
        #expect(one.text.hasSuffix("}\n"))
    }
}
