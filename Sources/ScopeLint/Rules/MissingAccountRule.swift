public enum MissingAccountRule: Rule {
    public static let description = RuleDescription(
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

    public static func check(_ context: AccountContext, into findings: inout [Finding]) {
        switch context.matching {
        case .explicit, .matched, .configured: break
        case .fallback, .companion: return
        }
        for policy in context.policies {
            for (number, companion) in policy.companions.enumerated()
            where !context.presentCompanions.contains(PolicyMatcher.companionKey(policy, number)) {
                let how = companion.how.map { " Create it: \($0)." } ?? ""
                findings.append(
                    context.finding(
                        .missingAccount,
                        severity: context.severity(
                            .missingAccount, natural: description.defaultSeverity, policy: policy),
                        policy: policy,
                        message:
                            "\(policy.title) also needs \(companion.title) in store \(context.storeLabel), and the store has none.\(how)",
                        subject: companion.title, at: context.store.position))
            }
        }
    }
}
