/// Writes exports back as one canonical scopelint export. Scope entries are written as they
/// were read (names, levels, parameters, even repeated ones), so the result lints to the same
/// findings; secrets are never written, and the client id only when asked.
package enum ExportWriter {
    package struct Result: Sendable {
        package var text: String
        /// What was left out, for the user: secrets dropped, accounts with no scopes to write.
        package var notes: [String]
        /// How many accounts the export holds; zero means there was nothing to convert.
        package var accounts: Int
    }

    package static func render(_ exports: [Export], keepClientID: Bool, catalog: Catalog = .bigCommerce) -> Result {
        var stores: [Store] = []
        var index: [String: Int] = [:]
        var notes: [String] = []
        for export in exports {
            for store in export.stores {
                for account in store.accounts {
                    for secret in account.secrets {
                        notes.append(
                            "dropped the \(secret.kind.rawValue) under '\(secret.key)' at \(export.file):\(secret.position.line):\(secret.position.column)"
                        )
                    }
                }
                let accounts = store.accounts.filter { account in
                    if !account.scopesKnown {
                        notes.append(
                            "left out '\(Redactor.redact(account.name))' from \(export.file): the input does not say which scopes it has"
                        )
                    }
                    return account.scopesKnown
                }
                guard !accounts.isEmpty else { continue }
                if let hash = store.hash, let existing = index[hash] {
                    stores[existing].accounts += accounts
                } else {
                    if let hash = store.hash { index[hash] = stores.count }
                    var copy = store
                    copy.accounts = accounts
                    stores.append(copy)
                }
            }
        }
        var w = JSONWriter()
        w.beginObject()
        w.field("format", ExportReader.formatIdentifier)
        w.field("generator", "scopelint convert \(ScopeLintVersion.current)")
        w.beginArray("stores")
        for store in stores {
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
        w.endArray()
        w.endObject()
        return Result(text: w.output + "\n", notes: notes, accounts: stores.reduce(0) { $0 + $1.accounts.count })
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
                w.field(entry.key, level)
            } else if let match = catalog.parameter(entry.key) {
                w.field(entry.key, catalog[match.scope].levelName(match.level))
            } else {
                w.field(entry.key, "unknown")
            }
        }
        w.endObject()
    }
}
