/// The stable id of every rule, in the order reports list them. `rule` is an exhaustive
/// switch, so a rule that is declared but not registered does not compile.
public enum RuleID: String, CaseIterable, Sendable, Comparable {
    case missingScope = "missing-scope"
    case excessiveScope = "excessive-scope"
    case riskyScope = "risky-scope"
    case unknownScope = "unknown-scope"
    case normalizedValue = "normalized-value"
    case conflictingScope = "conflicting-scope"
    case secretInExport = "secret-in-export"
    case accountLevelToken = "account-level-token"
    case legacyToken = "legacy-token"
    case missingAccount = "missing-account"
    case unmatchedAccount = "unmatched-account"
    case sharedAccount = "shared-account"
    case tooManyAccounts = "too-many-accounts"

    package var rule: any Rule.Type {
        switch self {
        case .missingScope: MissingScopeRule.self
        case .excessiveScope: ExcessiveScopeRule.self
        case .riskyScope: RiskyScopeRule.self
        case .unknownScope: UnknownScopeRule.self
        case .normalizedValue: NormalizedValueRule.self
        case .conflictingScope: ConflictingScopeRule.self
        case .secretInExport: SecretInExportRule.self
        case .accountLevelToken: AccountLevelTokenRule.self
        case .legacyToken: LegacyTokenRule.self
        case .missingAccount: MissingAccountRule.self
        case .unmatchedAccount: UnmatchedAccountRule.self
        case .sharedAccount: SharedAccountRule.self
        case .tooManyAccounts: TooManyAccountsRule.self
        }
    }

    package var description: RuleDescription { rule.description }

    /// Position in `allCases`, the order findings of one account are listed in.
    package var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: RuleID, b: RuleID) -> Bool { a.order < b.order }
}
