import Foundation
import Testing

/// No report asks for two different levels of one scope: every finding on a scope under a
/// policy (excessive, missing, risky) names the same remedy. Checked on every JSON golden.
@Suite("One remedy per scope")
struct OneRemedyTests {
    static let setTo = try! NSRegularExpression(pattern: #"\b[Ss]et (?:it|[A-Z][^;.]*?) to ([a-z-]+)"#)

    @Test("every JSON golden names at most one level to set per store, account, policy and scope")
    func oneLevelPerScope() throws {
        var checked = 0
        for fixture in FixtureCase.all {
            guard let args = fixture.text("args"), args.hasPrefix("lint"), args.contains("json"),
                let text = fixture.text("expected.stdout"),
                let report = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let findings = report["findings"] as? [[String: Any]]
            else { continue }
            var levels: [String: Set<String>] = [:]
            for finding in findings {
                guard let scope = finding["scope"] as? String, let message = finding["message"] as? String else {
                    continue
                }
                let key =
                    ["store", "account", "policy"].map { "\(finding[$0] ?? "-")" }.joined(separator: "|") + "|" + scope
                let range = NSRange(message.startIndex..., in: message)
                for match in Self.setTo.matches(in: message, range: range) {
                    levels[key, default: []].insert((message as NSString).substring(with: match.range(at: 1)))
                }
            }
            for (key, set) in levels {
                #expect(set.count <= 1, "\(fixture.name): \(key) is told to be set to \(set.sorted())")
            }
            checked += 1
        }
        #expect(checked >= 10)
    }
}
