/// One problem found in one account (or store), with everything a report prints about it.
public struct Finding: Sendable, Equatable {
    public var rule: RuleID
    public var severity: Severity
    public var store: String
    public var account: String?
    public var policy: String?
    public var scope: String?
    public var expected: String?
    public var actual: String?
    public var message: String
    public var location: SourceLocation?
    /// What the finding is about when it is not a scope (the key a secret sits under, the
    /// companion account that is missing); part of the fingerprint.
    public var subject: String?
    /// A risk the policy accepts: configuration never raises its severity back.
    public var isAccepted = false

    /// Where the finding sorts: input file, store and account as they appear, then rule
    /// order, then the scope's control-panel order. Output order is defined, not incidental.
    public var order: Order

    public struct Order: Comparable, Sendable, Equatable {
        public var file: Int
        public var store: Int
        public var account: Int
        public var rule: Int
        public var scope: Int
        public var policy: String

        public static func < (a: Order, b: Order) -> Bool {
            (a.file, a.store, a.account, a.rule, a.scope, a.policy) < (
                b.file, b.store, b.account, b.rule, b.scope, b.policy
            )
        }
    }

    public init(
        rule: RuleID, severity: Severity, store: String, account: String?, policy: String?, scope: String?,
        expected: String?, actual: String?, message: String, location: SourceLocation?, subject: String? = nil,
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
        self.message = message
        self.location = location
        self.subject = subject
        self.order = order
    }

    /// A stable identity for baselines and code-scanning tools: built from the store, account,
    /// rule, policy and scope (or subject), never from the message or the line, so it survives
    /// rewording and unrelated edits to the export.
    public var fingerprint: String {
        Fingerprint.hex([store, account ?? "", rule.rawValue, policy ?? "", scope ?? subject ?? ""])
    }
}
