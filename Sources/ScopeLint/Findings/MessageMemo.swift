import Synchronization

/// Messages that depend only on a policy, a scope and levels ("Customers at modify lets the
/// token... Accepted by modern-retail: ..."), built once per policy and shared by every
/// finding that says the same thing: a fleet repeats a few hundred messages 200,000 times.
public final class MessageMemo: Sendable {
    public struct Key: Hashable, Sendable {
        public var rule: RuleID
        public var scope: Int
        public var actual: Int
        public var expected: Int
    }

    private let messages = Mutex<[Key: String]>([:])

    public init() {}

    public func message(_ key: Key, build: () -> String) -> String {
        if let known = messages.withLock({ $0[key] }) { return known }
        let made = build()
        messages.withLock { $0[key] = made }
        return made
    }
}
