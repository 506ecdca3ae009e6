/// What the text report prints for one account: one line per problem, in the control panel's
/// order, and the count of what it leaves out. JSON, SARIF and JUnit keep every finding; only
/// people reading a terminal get the quiet view.
///
/// An excessive scope that is also risky is two findings, merged here into one line; the
/// remedy both carry is the one the core computes per scope (`ResolvedPolicy.remedy`).
struct TextProblems {
    struct Line {
        var severity: Severity
        var location: SourceLocation?
        var message: String
        var rules: [RuleID]
        /// False for an accepted risk or a normalized spelling listed by `verbose`: it is
        /// counted as what it is, not as a problem.
        var isProblem = true
    }

    var lines: [Line] = []
    /// Risks a policy accepts, with its reason; not printed unless `verbose`.
    var acceptedRisks = 0
    /// Names, levels and parameters read as a nearby spelling (letter case alone is not
    /// counted: the user copied it from the vendor and it changes nothing).
    var normalizedSpellings = 0

    init(_ findings: ArraySlice<Finding>, verbose: Bool, failOn: FailThreshold) {
        // Scope findings in the control panel's order, then the account's other findings by
        // rule; stable, so findings of one scope keep their rule order.
        let ordered = findings.sorted { a, b in
            let sa = a.order.scope < 0 ? Int.max : a.order.scope
            let sb = b.order.scope < 0 ? Int.max : b.order.scope
            return (sa, a.order.rule, a.order.policy) < (sb, b.order.rule, b.order.policy)
        }
        var merged = Set<Int>()
        for (index, finding) in ordered.enumerated() where !merged.contains(index) {
            // A finding that fails the run is a problem, printed and counted as one: the quiet
            // view hides nothing that decides the exit code.
            let fails = failOn.fails(finding.severity)
            let quiet = (finding.isAccepted || finding.rule == .normalizedValue) && !fails
            if quiet && finding.isAccepted {
                acceptedRisks += 1
                if !verbose { continue }
            } else if quiet {
                if Self.isLetterCase(finding) { continue }
                normalizedSpellings += 1
                if !verbose { continue }
            } else if finding.rule == .excessiveScope, case .bound(let title, let remedy) = finding.facts {
                // The same scope's unaccepted risks say why the excess matters: one line.
                var risks: [Finding] = []
                for other in ordered.indices where other > index && !merged.contains(other) {
                    let candidate = ordered[other]
                    guard candidate.order.scope == finding.order.scope else { break }
                    if candidate.rule == .riskyScope && !candidate.isAccepted {
                        risks.append(candidate)
                        merged.insert(other)
                    }
                }
                if let risk = risks.first, case .risk(let harm, _, _, _) = risk.facts {
                    lines.append(
                        Line(
                            severity: ([finding] + risks).map(\.severity).max() ?? finding.severity,
                            location: finding.location,
                            message: Self.excessiveAndRisky(finding, policyTitle: title, harm: harm, remedy: remedy),
                            rules: [.excessiveScope, .riskyScope]))
                    continue
                }
            }
            lines.append(
                Line(
                    severity: finding.severity, location: finding.location, message: finding.message,
                    rules: [finding.rule], isProblem: !quiet))
        }
    }

    /// "Content is modify but Modern Retail Integration needs at most none; modify lets the token
    /// ... Set Content to none in the replacement API account."
    static func excessiveAndRisky(_ finding: Finding, policyTitle: String, harm: String, remedy: String?)
        -> String
    {
        let scope = finding.scope ?? ""
        let actual = finding.actual ?? ""
        let allowed = finding.expected ?? ""
        return
            "\(scope) is \(actual) but \(policyTitle) needs at most \(allowed); \(actual) \(harm). Set \(scope) to \(remedy ?? allowed) in the replacement API account."
    }

    /// A normalized spelling that differs from the control panel's only in letter case.
    static func isLetterCase(_ finding: Finding) -> Bool {
        guard let written = finding.actual, let readAs = finding.expected else { return false }
        return written != readAs && written.lowercased() == readAs.lowercased()
    }

    func count(_ severity: Severity) -> Int { lines.count { $0.isProblem && $0.severity == severity } }
}
