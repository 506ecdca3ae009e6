package enum MissingAccountRule: Rule {
    package static let description = RuleDescription(
        id: .missingAccount, title: "Missing account", defaultSeverity: .error,
        summary:
            "A policy requires a companion API account (such as CSM's B2B Edition tokens) that the store does not have.",
        rationale:
            "The integration's part that uses the companion fails; for CSM with B2B Edition, company and quote data stop syncing.",
        remediation: "Create the companion account where the message says and give its credentials to the integration.",
        examples: [
            RuleExample(
                "CSM with B2B Edition but no V2 token",
                """
                ↓{ store_hash: "abc123", accounts: [
                  { name: "CSM Business Central", scopes: { Customers: "modify", Orders: "modify", Products: "modify", "Store Inventory": "modify" } },
                  { name: "CSM B2B V3", type: "b2b-v3", scopes: [] } ] }
                """),
            RuleExample(
                "Both B2B tokens present",
                """
                { store_hash: "abc123", accounts: [
                  { name: "CSM Business Central", scopes: { Customers: "modify", Orders: "modify", Products: "modify", "Store Inventory": "modify" } },
                  { name: "CSM B2B V3", type: "b2b-v3", scopes: [] },
                  { name: "CSM B2B V2", type: "b2b-v2", scopes: [] } ] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        switch context.matching {
        case .explicit, .matched, .configured: break
        case .fallback, .companion: return
        }
        for policy in context.policies {
            for (number, companion) in policy.companions.enumerated()
            where !context.presentCompanions.contains(PolicyMatcher.companionKey(policy, number))
                && !companion.isWaived(by: context.grants.levels)
            {
                findings.append(
                    finding(
                        in: context, policy: policy, facts: .companion(policyTitle: policy.title, how: companion.how),
                        subject: companion.title, at: context.store.position))
            }
        }
    }

    package static func message(for finding: Finding) -> String {
        guard case .companion(let policy, let how) = finding.facts else { return unexpected(finding) }
        return
            "\(policy) also needs \(finding.subject ?? "") in store \(finding.store), and the store has none.\(how.map { " Create it: \($0)." } ?? "")"
    }
}
