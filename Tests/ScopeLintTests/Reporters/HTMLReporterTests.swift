import Foundation
import Testing

@testable import ScopeLint

/// The HTML page's grid and limits, read back from the page the way a person sees it.
@Suite("HTML report")
struct HTMLReporterTests {
    /// Lints a one-store JSON5 export with the bundled policies, keeping the diff tables.
    static func report(_ text: String, policy: String) throws -> Report {
        let export = try ExportReader.read(Array(text.utf8), file: "example.json5")
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [policy])
        return try engine.lint([StoreSource(export)], diffs: true)
    }

    static func page(_ report: Report, limits: HTMLReporter.DrawingLimits = .init()) -> String {
        let stream = ByteStream()
        HTMLReporter.write(report, options: ReportOptions(), limits: limits, to: stream)
        return stream.text
    }

    /// The grid as scope name -> cell class for the row of `account`, read from the markup.
    static func gridRow(_ page: String, account: String) -> [String: String] {
        let grid = page.components(separatedBy: "<table class=\"grid\">").last!.components(separatedBy: "</table>")[0]
        let names = grid.components(separatedBy: "<th scope=\"col\" class=\"s\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
        guard let row = grid.components(separatedBy: "\n").first(where: { $0.contains(">\(account)</a>") }) else {
            return [:]
        }
        let classes = row.components(separatedBy: "<td class=\"v").dropFirst().map { "v" + String($0.prefix(1)) }
        return Dictionary(uniqueKeysWithValues: zip(names, classes))
    }

    @Test("each cell shows the verdict diff computes: excessive, as required, missing, accepted, not compared")
    func gridVerdicts() throws {
        let page = Self.page(
            try Self.report(
                """
                { stores: [{ store_hash: "s1", accounts: [
                  { name: "Reader", type: "store", scopes: { Orders: "modify", Products: "read-only" } },
                ] }] }
                """, policy: "read-only"))
        let row = Self.gridRow(page, account: "Reader")
        #expect(row["Orders"] == "vx")
        #expect(row["Products"] == "vo")
        // Only scopes some account holds or must change are columns.
        #expect(row.count == 2, "\(row)")
        // Colour is never the only signal: each cell carries its symbol and word.
        #expect(page.contains("<td class=\"vx\">+<span class=\"sr\"> excessive</span></td>"))

        let retail = Self.page(
            try Self.report(
                """
                { stores: [{ store_hash: "s1", accounts: [
                  { name: "Retail", type: "store", scopes: { Customers: "modify", Products: "read-only" } },
                ] }] }
                """, policy: "modern-retail"))
        let cells = Self.gridRow(retail, account: "Retail")
        #expect(cells["Customers"] == "va", "an accepted risk: \(cells)")
        #expect(cells.values.contains("vm"), "modern-retail needs more than Products: \(cells)")
        #expect(retail.contains("scopelint plan --policy modern-retail"))
    }

    @Test("accounts without findings beyond the limit are counted, not drawn")
    func cleanLimit() throws {
        let accounts = (1...5).map { "{ name: \"Clean \($0)\", type: \"store\", scopes: { Products: \"read-only\" } }" }
        let report = try Self.report(
            "{ stores: [{ store_hash: \"s1\", accounts: [\(accounts.joined(separator: ", "))] }] }", policy: "read-only"
        )
        #expect(report.findings.isEmpty)
        let page = Self.page(report, limits: .init(clean: 2))
        #expect(page.contains(">Clean 1</a>") && page.contains(">Clean 2</a>"))
        #expect(!page.contains("Clean 3"))
        #expect(page.contains("3 accounts without findings, counted, not drawn."))
        #expect(page.components(separatedBy: "<section class=\"account\"").count == 3)
        // The stores table still counts every account.
        #expect(page.contains("<td>5</td><td>0</td><td>0</td><td>0</td><td>0</td>"))
        #expect(Self.page(report).contains(">Clean 5</a>"))
    }

    @Test("beyond the account limit, accounts with findings are counted per store, not drawn")
    func accountLimit() throws {
        let accounts = (1...5).map { "{ name: \"Wide \($0)\", type: \"store\", scopes: { Orders: \"modify\" } }" }
        let report = try Self.report(
            "{ stores: [{ store_hash: \"s1\", accounts: [\(accounts.joined(separator: ", "))] }] }", policy: "read-only"
        )
        let page = Self.page(report, limits: .init(accounts: 2, clean: 2))
        #expect(page.components(separatedBy: "<section class=\"account\"").count == 3)
        #expect(!page.contains("Wide 3"))
        #expect(page.contains("3 accounts with findings (the stores table counts them"))
        #expect(page.contains("<td>5</td><td>5</td><td>\(report.summary.errors)</td>"))
    }

    @Test("no secret reaches the page")
    func noSecret() throws {
        let report = try Self.report(
            """
            { stores: [{ store_hash: "s1", accounts: [
              { name: "Zapier", type: "store", access_token: "not-a-real-token-but-hidden-anyway",
                client_secret: "abcdefabcdefabcdefabcdefabcdef1", scopes: { Products: "read-only" } },
            ] }] }
            """, policy: "read-only")
        let page = Self.page(report)
        #expect(page.contains("secret-in-export"))
        #expect(!page.contains("not-a-real-token") && !page.contains("abcdefabcdef"))
    }
}
