/// Writes exports back as one canonical scopelint export. Scope entries are written as they
/// were read (names, levels, parameters, even repeated ones), so the result lints to the same
/// findings; secrets are never written, and the client id only when asked.
package enum ExportWriter {
    /// What a first reading of the inputs finds: what will be left out, for the user (secrets
    /// dropped, accounts with no scopes to write), how many accounts will be written (zero
    /// means nothing to convert), and where each store hash is seen last.
    package struct Survey: Sendable {
        package var notes: [String] = []
        package var accounts = 0
        /// The (input, store) of each hash's last store with accounts to write: stores of one
        /// hash are written as one, at the first one's place, once the last has been read.
        var last: [String: Place] = [:]
    }

    struct Place: Comparable, Sendable {
        var source: Int
        var store: Int
        static func < (a: Place, b: Place) -> Bool { (a.source, a.store) < (b.source, b.store) }
    }

    /// The first reading: stores are looked at and let go. Levels are checked as `lint` checks
    /// them, so convert never writes an export that lint would refuse.
    package static func survey(_ sources: [StoreSource], catalog: Catalog = .bigCommerce) throws(ScopeLintError)
        -> Survey
    {
        var survey = Survey()
        for (index, source) in sources.enumerated() {
            var storeIndex = 0
            try source.read { (store) throws(ScopeLintError) in
                defer { storeIndex += 1 }
                for account in store.accounts {
                    _ = try Grants.resolve(
                        account.scopes, file: source.file, catalog: catalog, accountLevel: account.type == .account)
                    for secret in account.secrets {
                        survey.notes.append(
                            "dropped the \(secret.kind.rawValue) under '\(secret.key)' at \(source.file):\(secret.position.line):\(secret.position.column)"
                        )
                    }
                }
                for account in store.accounts where !account.scopesKnown {
                    survey.notes.append(
                        "left out '\(Redactor.redact(account.name))' from \(source.file): the input does not say which scopes it has"
                    )
                }
                let accounts = store.accounts.count { $0.scopesKnown }
                guard accounts > 0 else { return }
                survey.accounts += accounts
                if let hash = store.hash { survey.last[hash] = Place(source: index, store: storeIndex) }
            }
        }
        return survey
    }

    /// Writes the sources as one export, store by store as they are read: a store is held only
    /// while a later store of its hash is still to come (and the stores after it, to keep their
    /// order). Secrets are never written, and the client id only when asked.
    package static func write(
        _ sources: [StoreSource], survey: Survey, keepClientID: Bool, catalog: Catalog = .bigCommerce,
        to stream: ByteStream
    ) throws(ScopeLintError) {
        var w = JSONWriter(to: stream)
        w.beginObject()
        w.field("format", ExportReader.formatIdentifier)
        w.field("generator", "scopelint convert \(ScopeLintVersion.current)")
        w.beginArray("stores")
        // Stores read and not yet written, in order; how many were written before them; and
        // where each hash's store is, counted from the first store written.
        var waiting: [(store: Store, complete: Bool)] = []
        var written = 0
        var placeOf: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            var storeIndex = 0
            try source.read { store in
                defer { storeIndex += 1 }
                let accounts = store.accounts.filter(\.scopesKnown)
                guard !accounts.isEmpty else { return }
                let place = Place(source: index, store: storeIndex)
                let complete = store.hash.map { survey.last[$0].map { place >= $0 } ?? true } ?? true
                // A hash's earlier store is still waiting: it is complete only once its last is read.
                if let hash = store.hash, let at = placeOf[hash] {
                    waiting[at - written].store.accounts += accounts
                    waiting[at - written].complete = complete
                } else {
                    var copy = store
                    copy.accounts = accounts
                    if let hash = store.hash { placeOf[hash] = written + waiting.count }
                    waiting.append((copy, complete))
                }
                // Whatever is complete at the front goes out.
                let ready = waiting.prefix { $0.complete }
                guard !ready.isEmpty else { return }
                for item in ready { writeStore(item.store, keepClientID: keepClientID, catalog: catalog, into: &w) }
                waiting.removeFirst(ready.count)
                written += ready.count
            }
        }
        for item in waiting { writeStore(item.store, keepClientID: keepClientID, catalog: catalog, into: &w) }
        w.endArray()
        w.endObject()
        stream.write("\n")
    }

    private static func writeStore(_ store: Store, keepClientID: Bool, catalog: Catalog, into w: inout JSONWriter) {
        w.beginObject()
        w.field("store_hash", store.hash)
        w.field("name", store.name)
        w.beginArray("accounts")
        for account in store.accounts {
            w.beginObject()
            w.field("name", account.name)
            w.field("type", account.type.rawValue)
            if keepClientID { w.field("client_id", account.clientID) }
            writeScopes(account.scopes, catalog: catalog, into: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// Parameters stay an array; named levels stay an object. A mix becomes an object, each
    /// bare parameter keyed by itself with the level it stands for.
    static func writeScopes(_ entries: [ScopeEntry], catalog: Catalog, into w: inout JSONWriter) {
        if entries.allSatisfy({ $0.level == nil }) {
            w.field("scopes", elements: entries.map(\.key))
            return
        }
        w.beginObject("scopes")
        for entry in entries {
            if let level = entry.level {
                w.field(inputKey: entry.key, level)
            } else if let match = catalog.parameter(entry.key) {
                w.field(inputKey: entry.key, catalog[match.scope].levelName(match.level))
            } else {
                w.field(inputKey: entry.key, "unknown")
            }
        }
        w.endObject()
    }
}
