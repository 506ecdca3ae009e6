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
    /// The store hash an input gives at `position`, else `--store`. The two disagreeing is an
    /// error at the input's own: its accounts linted under another store's hash would be
    /// reported on the wrong store.
    func storeHash(_ own: String?, at position: TextPosition, file: String) throws(ScopeLintError) -> String? {
        guard let own else { return storeHash }
        if let storeHash, storeHash != own {
            throw Self.contradiction("store", own, option: "store", storeHash, at: position, file: file)
        }
        return own
    }

    /// The account name an input gives at `position`, else `--account`; as for the store, the
    /// two disagreeing is an error (a policy would match the name the input does not say).
    func accountName(_ own: String?, at position: TextPosition, file: String) throws(ScopeLintError) -> String? {
        guard let own else { return accountName }
        if let accountName, accountName != own {
            throw Self.contradiction("account", own, option: "account", accountName, at: position, file: file)
        }
        return own
    }

    /// Every store and account a reader read agrees with `--store` and `--account`, each at its
    /// own position: for shapes whose reader leaves the check to this (the text list).
    func checkNames(in export: Export) throws(ScopeLintError) -> Export {
        for store in export.stores {
            _ = try storeHash(store.hash, at: store.position, file: export.file)
            for account in store.accounts { _ = try accountName(account.name, at: account.position, file: export.file) }
        }
        return export
    }

    private static func contradiction(
        _ what: String, _ own: String, option: String, _ given: String, at position: TextPosition, file: String
    ) -> ScopeLintError {
        .invalid(
            file: file, position: position,
            message:
                "this input names the \(what) '\(Redactor.redact(own))', but --\(option) says '\(Redactor.redact(given))'; --\(option) names the \(what) of an input that names none: drop it, or give this one"
        )
    }

    /// The single store a one-account input describes.
    func store(_ account: Account, hash: String? = nil) -> Store {
        Store(hash: storeHash ?? hash, name: nil, position: .start, accounts: [account])
    }
}
