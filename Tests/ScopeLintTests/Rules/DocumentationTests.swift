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

    @Test("docs/policies.md's bundled-policy table names every bundled policy")
    func policiesTable() throws {
        for id in try PolicyLibrary.bundled().ids {
            #expect(Self.page("docs/policies.md").contains("| `\(id)` |"), "\(id) is missing from docs/policies.md")
        }
    }
}
