package enum ExcessiveScopeRule: Rule {
    package static let description = RuleDescription(
        id: .excessiveScope, title: "Excessive scope", defaultSeverity: .error,
        summary: "The account's level for a scope is above the maximum its integration's policy allows.",
        rationale: "Access the integration never uses is still access a leaked token gives away.",
        remediation:
            "Store-level scopes cannot be edited: create a new API account with the scope lowered as the message says, move the integration to it, then delete the old account.",
        examples: [
            RuleExample(
                "A scope the guide leaves at none", policy: "stone-edge",
                """
                { store_hash: "abc123", accounts: [{ name: "Stone Edge", scopes: {
                  Content: "read-only", "Checkout Content": "modify", Customers: "modify", ↓"Customers Login": "login",
                  Orders: "modify", "Order Transactions": "modify", Products: "modify", Carts: "modify",
                  Checkouts: "modify", "Store Locations": "read-only", "Store Inventory": "modify",
                  "Fulfillment Methods": "modify", "Order Fulfillment": "modify" } }] }
                """),
            RuleExample(
                "Modify where the policy allows read-only", policy: "read-only",
                """
                { store_hash: "abc123", accounts: [{ name: "Reports", scopes: "store_v2_orders_read_only ↓store_v2_products" }] }
                """),
            RuleExample(
                "Levels within the policy's range", policy: "read-only",
                """
                { store_hash: "abc123", accounts: [{ name: "Reports", scopes: { Orders: "read-only", Products: "none" } }] }
                """),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        checkBounds(context, into: &findings) { if case .excessive(let bound) = $0 { bound } else { nil } }
    }

    package static func message(for finding: Finding) -> String {
        guard case .bound(let policy, let remedy) = finding.facts else { return unexpected(finding) }
        let scope = finding.scope ?? ""
        let allowed = finding.expected ?? ""
        // The remedy, not the bound: a maximum that is itself risky would leave a finding.
        return
            "\(scope) is \(finding.actual ?? "") but \(policy) needs at most \(allowed); set \(scope) to \(remedy ?? allowed) in the replacement API account."
    }
}
