/// Accepted findings, so a team can adopt scopelint on an existing store without a red CI
/// forever. Entries are keyed by the finding's fingerprint (store, account, rule, policy,
/// scope), never by message text or line numbers, so rewording a message or editing an
/// unrelated part of the export does not break them, and by its rule: a reviewer reads the
/// entry's rule, so a fingerprint alone must not accept a secret under a harmless label. Each
/// entry carries a reason and may carry an expiry date, after which it stops suppressing and
/// the report says so.
package struct Baseline: Sendable {
    package static let formatIdentifier = "scopelint-baseline/1"

    package struct Entry: Sendable {
        package var fingerprint: String
        package var rule: String
        package var store: String
        package var account: String?
        package var policy: String?
        package var scope: String?
        package var reason: String
        /// `YYYY-MM-DD`; the entry suppresses up to and including that day.
        package var expires: String?
        package var position: TextPosition

        var key: Key { Key(rule: rule, fingerprint: fingerprint) }
    }

    package var file: String
    package var entries: [Entry]

    /// What an entry must match: the finding's rule and its fingerprint.
    struct Key: Hashable {
        var rule: String
        var fingerprint: String
    }

    static let entryKeys = ["fingerprint", "rule", "store", "account", "policy", "scope", "reason", "expires"]

    package static func load(_ bytes: [UInt8], file: String) throws(ScopeLintError) -> Baseline {
        let root = try JSONReader.parse(bytes, file: file)
        func error(_ position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }
        guard let members = root.members else {
            throw error(root.position, "expected a baseline object with \"entries\"")
        }
        var entries: [Entry] = []
        var sawEntries = false
        for member in members {
            switch member.key {
            case "format":
                guard member.value.stringValue == formatIdentifier else {
                    throw error(member.value.position, "expected \"format\" to be \"\(formatIdentifier)\"")
                }
            case "entries":
                sawEntries = true
                guard let elements = member.value.elements else {
                    throw error(member.value.position, "expected \"entries\" to be an array")
                }
                for element in elements { entries.append(try entry(element, file: file)) }
            default:
                throw .unknownKey(member, file: file, allowed: ["format", "entries"], in: "a baseline")
            }
        }
        if !sawEntries { throw error(root.position, "expected the baseline to have \"entries\"") }
        return Baseline(file: file, entries: entries)
    }

    private static func entry(_ node: JSONNode, file: String) throws(ScopeLintError) -> Entry {
        func error(_ position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }
        guard let members = node.members else { throw error(node.position, "expected a baseline entry object") }
        var values: [String: String] = [:]
        for member in members {
            guard entryKeys.contains(member.key) else {
                throw .unknownKey(member, file: file, allowed: entryKeys, in: "a baseline entry")
            }
            guard let text = member.value.stringValue else {
                throw error(
                    member.value.position,
                    "expected '\(member.key)' as a string, found \(member.value.value.kindDescription)")
            }
            if member.key == "expires", !isDate(text) {
                throw error(member.value.position, "expected \"expires\" as a date, YYYY-MM-DD")
            }
            values[member.key] = text
        }
        for key in ["fingerprint", "rule", "store", "reason"] where (values[key] ?? "").trimmingWhitespace().isEmpty {
            throw error(
                node.position,
                "expected the entry to have a non-empty \"\(key)\""
                    + (key == "reason" ? ": say why the finding is accepted" : ""))
        }
        return Entry(
            fingerprint: values["fingerprint"]!, rule: values["rule"]!, store: values["store"]!,
            account: values["account"],
            policy: values["policy"], scope: values["scope"], reason: values["reason"]!, expires: values["expires"],
            position: node.position)
    }

    package static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// A baseline of every finding in the report, sorted so the file's diffs stay small.
    /// Entries from `previous` with the same rule and fingerprint keep their reason and expiry, so a
    /// baseline can be refreshed without losing why each finding was accepted.
    package static func render(_ report: Report, reason: String, previous: Baseline? = nil) -> String {
        var kept: [Key: Entry] = [:]
        for entry in previous?.entries ?? [] where kept[entry.key] == nil { kept[entry.key] = entry }
        var seen: Set<String> = []
        let findings = (Array(report.findings) + report.suppressed.map(\.finding))
            .filter { seen.insert($0.fingerprint).inserted }
            .sorted {
                ($0.store, $0.account ?? "", $0.rule.order, $0.policy ?? "", $0.scope ?? $0.subject ?? "") < (
                    $1.store, $1.account ?? "", $1.rule.order, $1.policy ?? "", $1.scope ?? $1.subject ?? ""
                )
            }
        var w = JSONWriter()
        w.beginObject()
        w.field("format", formatIdentifier)
        w.beginArray("entries")
        for finding in findings {
            w.beginObject()
            w.field("fingerprint", finding.fingerprint)
            w.field("rule", finding.rule.rawValue)
            w.field("store", finding.store)
            w.field("account", finding.account)
            w.field("policy", finding.policy)
            w.field("scope", finding.scope ?? finding.subject)
            let previous = kept[Key(rule: finding.rule.rawValue, fingerprint: finding.fingerprint)]
            w.field("reason", previous?.reason ?? reason)
            w.field("expires", previous?.expires)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    /// Moves the findings an unexpired entry accepts out of the report's findings, and notes
    /// every entry that expired (its findings count again) or matches nothing (stale).
    package func apply(to report: Report, today: String) -> Report {
        var byKey: [Key: Int] = [:]
        for (index, entry) in entries.enumerated() where byKey[entry.key] == nil { byKey[entry.key] = index }
        var used = Array(repeating: false, count: entries.count)
        var kept: [Finding] = []
        var suppressed: [Report.SuppressedFinding] = []
        for finding in report.findings {
            guard let index = byKey[Key(rule: finding.rule.rawValue, fingerprint: finding.fingerprint)] else {
                kept.append(finding)
                continue
            }
            used[index] = true
            if let expires = entries[index].expires, expires < today {
                kept.append(finding)
            } else {
                suppressed.append(Report.SuppressedFinding(finding: finding, reason: entries[index].reason))
            }
        }
        var notices: [Report.BaselineNotice] = []
        for (index, entry) in entries.enumerated() {
            let what =
                "\(entry.rule) for \(entry.account.map { "'\(Redactor.redact($0))'" } ?? "the store") in store \(entry.store)"
                + (entry.scope.map { " (\($0))" } ?? "")
            if let expires = entry.expires, expires < today {
                notices.append(
                    .init(
                        kind: .expired,
                        message:
                            "Baseline entry for \(what) expired on \(expires); its finding counts again. Fix it, or renew the entry with a new reason and date.",
                        position: entry.position))
            } else if !used[index] {
                notices.append(
                    .init(
                        kind: .stale,
                        message:
                            "Baseline entry for \(what) matches no finding; remove it so accepted risks do not outlive their reason.",
                        position: entry.position))
            }
        }
        var result = Report(
            toolVersion: report.toolVersion, findings: Joined(kept), accounts: report.accounts,
            stores: report.summary.stores)
        result.suppressed = suppressed
        result.diffs = report.diffs
        result.summary.suppressed = suppressed.count
        result.baseline = Report.BaselineOutcome(file: file, notices: notices)
        return result
    }
}
