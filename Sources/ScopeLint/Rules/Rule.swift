/// A check over one API account. Rules are pure: they read the context and append
/// findings; severity overrides from configuration are applied afterwards by the engine.
public protocol Rule {
    static var description: RuleDescription { get }
    static func check(_ context: AccountContext, into findings: inout [Finding])
}

extension Rule {
    static var id: RuleID { description.id }
}
