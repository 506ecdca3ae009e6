/// What a usage input's calls add up to, in memory bounded by the number of distinct operations
/// plus a capped list of unmapped examples: an input may be a gigabyte of log, and no call is
/// kept once it is counted.
package struct UsageSummary: Sendable {
    /// How often an operation was called, and where first.
    package struct Use: Sendable, Equatable {
        package var count: Int
        package var first: SourceLocation
    }

    /// A request the generator could not map, counted by method and redacted path.
    package struct Unmapped: Sendable, Equatable {
        /// `GET /v3/something` (its path redacted where a segment looks like a secret), or the
        /// reader's description of a request it could not read.
        package var request: String
        package var reason: String
        package var count: Int
        package var first: SourceLocation
    }

    /// How many distinct unmapped requests are kept as examples; the rest are only counted.
    package static let unmappedExamples = 20

    package let index: OperationIndex
    /// Uses by operation index, for operations called at least once.
    package private(set) var uses: [Int: Use] = [:]
    package private(set) var unmapped: [Unmapped] = []
    /// Unmapped calls beyond the examples kept (their requests are not kept).
    package private(set) var unmappedBeyondExamples = 0
    package private(set) var callsRead = 0
    package private(set) var otherHosts = 0
    package private(set) var unmappedCalls = 0
    /// The inputs read, in order, as named in messages.
    package private(set) var files: [String] = []

    package init(index: OperationIndex = .bigCommerce) { self.index = index }

    package var mappedCalls: Int { callsRead - otherHosts - unmappedCalls }

    package mutating func read(file: String) { files.append(file) }

    package mutating func add(_ record: UsageRecord) {
        callsRead += 1
        switch record {
        case .unreadable(let location, let what):
            addUnmapped(what, reason: "the input cannot show what was called", at: location)
        case .call(let call):
            switch index.match(call) {
            case .operation(let found):
                if let use = uses[found] {
                    uses[found] = Use(count: use.count + 1, first: use.first)
                } else {
                    uses[found] = Use(count: 1, first: call.location)
                }
            case .otherHost:
                otherHosts += 1
            case .unmapped(let reason):
                // Only the method and path: a call holds no query, and a path segment shaped like a
                // token (some APIs put one there) is redacted before it is kept.
                let request = Redactor.redact("\(call.method) \(call.path)")
                addUnmapped(request, reason: reason, at: call.location)
            }
        }
    }

    private mutating func addUnmapped(_ request: String, reason: String, at location: SourceLocation) {
        unmappedCalls += 1
        if let known = unmapped.firstIndex(where: { $0.request == request }) {
            unmapped[known].count += 1
        } else if unmapped.count < Self.unmappedExamples {
            unmapped.append(Unmapped(request: request, reason: reason, count: 1, first: location))
        } else {
            unmappedBeyondExamples += 1
        }
    }

    /// Each scope the calls need, at the least level every call needs (see `PolicyGenerator`).
    package func needs(risks: ResolvedPolicy?) -> [ScopeNeed] {
        PolicyGenerator.needs(of: self, risks: risks)
    }
}

/// A scope the calls need: its level and the operations that need it, most called first.
package struct ScopeNeed: Sendable, Equatable {
    package var scope: ScopeID
    package var level: Int
    /// Operation indexes with their call counts.
    package var operations: [(operation: Int, count: Int)]
    package var calls: Int { operations.reduce(0) { $0 + $1.count } }

    package static func == (a: ScopeNeed, b: ScopeNeed) -> Bool {
        a.scope == b.scope && a.level == b.level && a.operations.elementsEqual(b.operations, by: { $0 == $1 })
    }
}
