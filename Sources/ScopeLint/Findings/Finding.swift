/// One problem found in one account (or store): the facts of it, from which its message is
/// rendered when a report is written. Nothing stores the message, so it cannot disagree with
/// the fields, and equal facts are equal findings whatever the wording.
public struct Finding: Sendable, Equatable {
    public var rule: RuleID
    public var severity: Severity
    public var store: String
    public var account: String?
    public var policy: String?
    public var scope: String?
    public var expected: String?
    public var actual: String?
    public var location: SourceLocation?
    /// What the finding is about when it is not a scope (the key a secret sits under, the
    /// companion account that is missing); part of the fingerprint.
    public var subject: String?
    /// What the rule knows beyond the fields above and its message needs.
    package var facts: Facts

    /// Where the finding sorts: input file, store and account as they appear, then rule
    /// order, then the scope's control-panel order. Output order is defined, not incidental.
    package var order: Order

    package struct Order: Comparable, Sendable, Equatable {
        package var file: Int
        public var store: Int
        public var account: Int
        public var rule: Int
        public var scope: Int
        public var policy: String

        package static func < (a: Order, b: Order) -> Bool {
            (a.file, a.store, a.account, a.rule, a.scope, a.policy) < (
                b.file, b.store, b.account, b.rule, b.scope, b.policy
            )
        }
    }

    /// The rule-specific facts of a finding, by what they are rather than by rule: a rule's
    /// `message(for:)` reads the case it made.
    package enum Facts: Sendable, Equatable {
        /// The common fields say it all (account-level, legacy and unmatched accounts).
        case none
        /// The title of the policy whose minimum or maximum the level crosses, and the level
        /// that clears every finding on the scope (`ResolvedPolicy.remedy`).
        case bound(policyTitle: String, remedy: String? = nil)
        /// A risk row's harm; the policy's reason when it accepts the risk; the title of the
        /// integration the policy describes (nil for the risk catalog itself); what to do.
        case risk(harm: String, acceptedBecause: String?, integration: String?, advice: RiskAdvice = RiskAdvice())
        /// The known names closest to an unknown one.
        case unknown(suggestions: [String])
        case normalized(Grants.Normalization.Kind)
        /// Every level a scope is listed with, where.
        case conflict(listed: [ListedLevel])
        /// `refresh`: the account is one whose token is refreshed, never deleted (B2B Edition V2).
        case secret(SecretSighting.Kind, hint: String?, refresh: Bool = false)
        /// The policy that needs a companion account, and how to create it.
        case companion(policyTitle: String, how: String?)
        /// The ids of the policies one account matches.
        case shared(policies: [String])
        /// How many accounts the store lists.
        case accountCount(Int)
    }

    package struct ListedLevel: Sendable, Equatable {
        package var level: String
        package var position: TextPosition
    }

    package init(
        rule: RuleID, severity: Severity, store: String, account: String?, policy: String?, scope: String?,
        expected: String?, actual: String?, facts: Facts, location: SourceLocation?, subject: String? = nil,
        order: Order
    ) {
        self.rule = rule
        self.severity = severity
        self.store = store
        self.account = account
        self.policy = policy
        self.scope = scope
        self.expected = expected
        self.actual = actual
        self.facts = facts
        self.location = location
        self.subject = subject
        self.order = order
    }

    /// What reports print, in the rule's words, made from the fields each time it is asked for.
    public var message: String { rule.rule.message(for: self) }

    /// A risk the policy accepts: configuration never raises its severity back.
    package var isAccepted: Bool {
        if case .risk(_, acceptedBecause: _?, _, _) = facts { return true }
        return false
    }

    /// A stable identity for baselines and code-scanning tools: built from the store, account,
    /// rule, policy and scope (or subject), never from the message or the line, so it survives
    /// rewording and unrelated edits to the export.
    public var fingerprint: String {
        Fingerprint.hex([store, account ?? "", rule.rawValue, policy ?? "", scope ?? subject ?? ""])
    }
}

/// What a risk finding tells the user to do: the scope's one remedy (the same level every
/// finding on the scope names) and whether the policy is one they can edit.
package struct RiskAdvice: Sendable, Equatable {
    package var remedy: ScopeRemedy = .lowerUnlessNeeded(level: 0)
    /// The name of the remedy's level.
    package var level = "none"
    package var policyID = ""
    /// A bundled policy cannot be edited: the advice is a policy that extends it.
    package var bundled = false
    package var integration = false

    package init(
        remedy: ScopeRemedy = .lowerUnlessNeeded(level: 0), level: String = "none", policyID: String = "",
        bundled: Bool = false, integration: Bool = false
    ) {
        self.remedy = remedy
        self.level = level
        self.policyID = policyID
        self.bundled = bundled
        self.integration = integration
    }
}
