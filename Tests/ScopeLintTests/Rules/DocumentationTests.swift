import Foundation
import Testing

@testable import ScopeLint

@Suite("Documentation")
struct DocumentationTests {
    /// The reference pages the README links to.
    static func page(_ path: String) -> String {
        (try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    @Test("docs/rules.md's table lists every rule, in order, with its default severity")
    func rulesTable() {
        let rows = Self.page("docs/rules.md").split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("-") }
        let listed: [(String, String)] = rows.compactMap { row in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"),
                RuleID(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))) != nil
            else { return nil }
            return (cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), cells[1])
        }
        #expect(listed.map(\.0) == RuleID.allCases.map(\.rawValue))
        for (id, severity) in listed {
            #expect(RuleID(rawValue: id)?.description.defaultSeverity.rawValue == severity, "\(id)")
        }
    }

    @Test("docs/bundled-policies.md has a row for every bundled policy, naming its source's address")
    func policiesTable() throws {
        let doc =
            (try? String(
                contentsOf: packageRoot.appendingPathComponent("docs/bundled-policies.md"), encoding: .utf8)) ?? ""
        let library = try PolicyLibrary.bundled()
        for id in library.ids {
            let row = doc.split(separator: "\n").first { $0.hasPrefix("| `\(id)` |") }
            #expect(row != nil, "\(id) is missing from docs/bundled-policies.md")
            // A row whose page is "same page" shares its address with the row above it.
            if let row, !row.contains("| same page"), let url = library.policies[id]?.source?.url {
                #expect(row.contains("(\(url))"), "\(id)'s row should link \(url)")
            }
        }
    }
}
