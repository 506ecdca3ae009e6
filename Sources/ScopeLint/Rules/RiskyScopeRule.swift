package enum RiskyScopeRule: Rule {
    package static let description = RuleDescription(
        id: .riskyScope, title: "Risky scope", defaultSeverity: .warning,
        summary:
            "The account holds a scope level the risk catalog (least-privilege) lists as dangerous, and its policy does not accept that risk.",
        rationale:
            "Some levels let a token impersonate customers, take payments, or put scripts on checkout pages; whoever holds the token holds that power. The risk row's severity applies; a risk the policy accepts, with its reason, is reported as a note.",
        remediation:
            "Lower the scope in a replacement API account, or, if the integration truly needs it, record why under \"accepts\" in its policy; a bundled policy cannot be edited, so accept it in a policy of your own that extends it, or in a baseline.",
        examples: [
            RuleExample(
                "Customer impersonation through storefront login", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Helper", scopes: { ↓"Customers Login": "login", Products: "read-only" } }] }
                """),
            RuleExample(
                "An accepted risk is still reported, as a note", policy: "modern-retail",
                """
                { store_hash: "abc123", accounts: [{ name: "Modern Retail Integration", scopes: { ↓"Storefront API Customer Impersonation Tokens": "manage" } }] }
                """),
            RuleExample(
                "Full metafields access: the remedy is standard, its lowest level (it has no none)",
                policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Helper", scopes: ["↓store_metafield_write_all"] }] }
                """),
            RuleExample(
                "Read-only catalog access carries no listed risk", policy: "least-privilege",
                """
                { store_hash: "abc123", accounts: [{ name: "Feed", scopes: ["store_v2_products_read_only"] }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        guard context.account.scopesKnown else { return }
        for policy in context.policies {
            // By index: the scope's definition is read only for the few that produce a finding.
            for index in context.grants.levels.indices {
                let actual = context.grants.levels[index]
                let verdict = policy.verdict(for: ScopeID(index), at: actual)
                guard let risk = verdict.risk else { continue }
                let scope = context.catalog.scopes[index]
                let reason = verdict.acceptedBecause
                findings.append(
                    finding(
                        in: context,
                        // An accepted risk is a note, whatever the row or an override says.
                        severity: reason == nil ? severity(in: context, policy: policy, natural: risk.severity) : .note,
                        policy: policy, scope: scope.id, actual: scope.levelName(actual),
                        facts: .risk(
                            harm: risk.harm, acceptedBecause: reason,
                            integration: policy.isIntegration ? policy.title : nil,
                            advice: reason == nil ? advice(policy, scope: scope, at: actual) : RiskAdvice()),
                        at: context.grants.positions[index]))
            }
        }
    }

    static func advice(_ policy: ResolvedPolicy, scope: ScopeDefinition, at level: Int) -> RiskAdvice {
        let remedy = policy.remedy(for: scope.id, at: level)
        return RiskAdvice(
            remedy: remedy, level: scope.levelName(remedy.level ?? level), policyID: policy.id,
            bundled: policy.isBundled, integration: policy.isIntegration)
    }

    package static func message(for finding: Finding) -> String {
        guard case .risk(let harm, let reason, let integration, let advice) = finding.facts else {
            return unexpected(finding)
        }
        let scope = finding.scope ?? ""
        let level = finding.actual ?? ""
        // Written piece by piece, not interpolated: most findings of a fleet are risks.
        return String { put in
            put(scope)
            put(" at ")
            put(level)
            put(" ")
            put(harm)
            if let reason {
                put(". Accepted by ")
                put(finding.policy ?? "")
                put(": ")
                put(reason)
            } else {
                switch advice.remedy {
                case .set:
                    // The level every other finding on the scope asks for, which clears this one.
                    put(". Set it to ")
                    put(advice.level)
                    put(" in the replacement API account.")
                    return
                case .setAndAccept:
                    put(". Every level ")
                    put(integration ?? advice.policyID)
                    put(" may have carries it: set it to ")
                    put(advice.level)
                    put(" and ")
                case .lowerUnlessNeeded, .keep:
                    put(". Set it to ")
                    put(advice.level)
                    put(" unless ")
                    put(integration ?? "the integration using this account")
                    put(" needs it; if it does, ")
                }
                if !advice.bundled {
                    put("record why under \"accepts\" in its policy.")
                } else if advice.integration {
                    // A bundled policy cannot be edited: extend it.
                    put("accept it in your own policy, { id: \"")
                    put(advice.policyID)
                    put("-ours\", extends: [\"")
                    put(advice.policyID)
                    put("\"], accepts: { \"")
                    put(scope)
                    put("\": \"why\" } }, mapped to the account in the configuration's \"accounts\", or in a baseline.")
                } else {
                    put(
                        "map the account to a policy that accepts it in the configuration's \"accounts\", or accept this finding in a baseline."
                    )
                }
            }
        }
    }
}
