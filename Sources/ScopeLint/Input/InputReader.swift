/// What a user can say about an input that the input itself may not: the store and the
/// account it belongs to (a bare scope string or a pasted list carries neither).
public struct ReadOptions: Sendable {
    public var storeHash: String?
    public var accountName: String?
    /// How large an input and its strings may be.
    public var limits: Limits

    public init(storeHash: String? = nil, accountName: String? = nil, limits: Limits = .standard) {
        self.storeHash = storeHash
        self.accountName = accountName
        self.limits = limits
    }
}

/// A reader turns the bytes of one input shape into the `Export` model, with positions, and
/// nothing else: it never consults a policy. Secrets it meets become sightings; their values
/// are dropped on the spot.
protocol InputReader {
    /// The `--from` word.
    static var identifier: String { get }
    /// One line for `--help` and the README.
    static var summary: String { get }
    /// A cheap guess whether the bytes are this shape, for detection.
    static func sniff(_ text: String) -> Bool
    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export
}

extension ReadOptions {
    /// The single store a one-account input describes.
    func store(_ account: Account, hash: String? = nil) -> Store {
        Store(hash: storeHash ?? hash, name: nil, position: .start, accounts: [account])
    }
}
