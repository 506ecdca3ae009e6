package enum TooManyAccountsRule: Rule {
    /// BigCommerce allows 50 store-level API accounts per store.
    package static let limit = 50

    static func accounts(_ count: Int) -> String {
        (1...count).map { "{ name: \"Account \($0)\", scopes: [] }" }.joined(separator: ", ")
    }

    package static let description = RuleDescription(
        id: .tooManyAccounts, title: "Too many accounts", defaultSeverity: .warning,
        summary: "A store lists more API accounts than BigCommerce allows (50 store-level accounts per store).",
        rationale:
            "No real store can have that many; the export was merged wrongly, lists one account many times, or was not produced from BigCommerce. Everything is still checked.",
        remediation: "Check how the export was made; remove duplicated or foreign accounts.",
        examples: [
            RuleExample(
                "51 accounts in one store", policy: "least-privilege",
                "↓{ store_hash: \"abc123\", accounts: [\(accounts(51))] }"),
            RuleExample(
                "50 accounts, the most BigCommerce allows", policy: "least-privilege",
                "{ store_hash: \"abc123\", accounts: [\(accounts(50))] }"),
        ])

    package static func check(_ context: AccountContext, into findings: inout [Finding]) {
        // Once per store: on its first account.
        guard context.order.account == 0, context.store.accounts.count > limit else { return }
        findings.append(
            finding(
                in: context, facts: .accountCount(context.store.accounts.count), subject: "accounts",
                at: context.store.position))
    }

    package static func message(for finding: Finding) -> String {
        guard case .accountCount(let count) = finding.facts else { return unexpected(finding) }
        return
            "Store \(finding.store) lists \(count) API accounts; BigCommerce allows \(limit) store-level accounts per store. Check how the export was made: accounts may be duplicated or belong elsewhere."
    }
}
