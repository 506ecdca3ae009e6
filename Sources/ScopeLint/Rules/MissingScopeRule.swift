package enum MissingScopeRule: Rule {
    package static let description = RuleDescription(
        id: .missingScope, title: "Missing scope", defaultSeverity: .error,
        summary: "The account's level for a scope is below the minimum its integration's policy requires.",
        rationale:
            "The integration's calls to that resource are refused with 403, so it fails in ways its vendor will blame on the store.",
        remediation:
            "Store-level scopes cannot be edited: create a new API account with the scope at the required level, give its credentials to the integration, then delete the old account.",
        examples: [
            RuleExample(
                "Orders granted below the policy's level", policy: "modern-retail",
                """
                { store_hash: "abc123", accounts: [{ name: "Modern Retail Integration", scopes: {
                  Customers: "modify", "Information & Settings": "read-only", Marketing: "modify",
                  ↓Orders: "read-only", "Order Transactions": "modify", "Get Payment Methods": "read-only",
                  Products: "modify", Carts: "modify", "Storefront API Tokens": "manage",
                  "Storefront API Customer Impersonation Tokens": "manage" } }] }
                """),
            RuleExample(
                "A required scope absent from the export points at the account", policy: "modern-retail",
                """
                { store_hash: "abc123", accounts: [↓{ name: "Modern Retail Integration", scopes: ["store_v2_customers",
                  "store_v2_information_read_only", "store_v2_marketing", "store_v2_orders", "store_v2_transactions",
                  "store_payments_methods_read", "store_v2_products", "store_storefront_api", "store_storefront_api_customer_impersonation"] }] }
                """),
            RuleExample(
                "A policy with no minimum never reports a missing scope", policy: "read-only",
                """
                { store_hash: "abc123", accounts: [{ name: "Reports", scopes: { Orders: "read-only" } }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        checkBounds(context, into: &findings) { if case .missing(let bound) = $0 { bound } else { nil } }
    }

    package static func message(for finding: Finding) -> String {
        guard case .bound(let policy, _) = finding.facts else { return unexpected(finding) }
        let scope = finding.scope ?? ""
        return
            "\(scope) is \(finding.actual ?? "") but \(policy) needs \(finding.expected ?? ""); without it the integration's \(scope) calls fail with 403."
    }
}
