/// `policies generate --against`: a policy compared with the access its calls need, as AWS IAM
/// Access Analyzer reports unused access. Each scope's answer comes from the one verdict
/// (`ResolvedPolicy.verdict(for:at:)`) on the level the calls need.
package struct UsageComparison: Sendable {
    /// A scope the calls need above what the policy allows.
    package struct Missing: Sendable, Equatable {
        package var scope: ScopeID
        package var needed: Int
        package var allowed: Int
    }

    /// A scope the policy allows (or requires) above what any call needs.
    package struct Unused: Sendable, Equatable {
        package var scope: ScopeID
        package var allowed: Int
        package var needed: Int
        /// The policy requires this level (its minimum), not only allows it.
        package var required: Bool
    }

    package var missing: [Missing] = []
    package var unused: [Unused] = []
    /// The policy leaves unlisted scopes unchecked, so it allows every scope it does not name;
    /// those are not listed one by one.
    package var allowsUnlisted = false

    package init(needs: [ScopeNeed], policy: ResolvedPolicy, catalog: Catalog) {
        var needed = Array(repeating: 0, count: catalog.scopes.count)
        for need in needs { needed[need.scope.index] = need.level }
        allowsUnlisted = policy.unlisted == .any
        for scope in catalog.scopes {
            let index = scope.id.index
            switch policy.verdict(for: scope.id, at: needed[index]).bound {
            case .excessive(let maximum):
                missing.append(Missing(scope: scope.id, needed: needed[index], allowed: maximum))
            case .missing(let minimum):
                unused.append(Unused(scope: scope.id, allowed: minimum, needed: needed[index], required: true))
            case .within:
                // Allowed above the need: reported where the policy names the scope (an unlisted
                // scope of an `unlisted: any` policy is covered by `allowsUnlisted`).
                let named = policy.listedAt[index] != nil || policy.unlisted == .none
                if policy.maximum[index] > needed[index] && named {
                    unused.append(
                        Unused(scope: scope.id, allowed: policy.maximum[index], needed: needed[index], required: false))
                }
            }
        }
    }

    /// Exit 1 when the policy lacks access the calls need.
    package var isMissingAccess: Bool { !missing.isEmpty }

    package func writeText(policy: ResolvedPolicy, catalog: Catalog, to stream: ByteStream) {
        stream.write("Policy \(policy.id) compared with the calls:\n")
        if missing.isEmpty {
            stream.write("  missing: none; the policy allows every scope the calls need\n" as StaticString)
        }
        for row in missing {
            let scope = catalog[row.scope]
            stream.write(
                "  missing  \(own: scope.name): the calls need \(own: scope.levelName(row.needed)), the policy allows at most \(own: scope.levelName(row.allowed))\n"
            )
        }
        if unused.isEmpty { stream.write("  unused: none\n" as StaticString) }
        for row in unused {
            let scope = catalog[row.scope]
            let verb = row.required ? "requires" : "allows"
            let need = row.needed == 0 ? "no call needs it" : "the calls need \(scope.levelName(row.needed))"
            stream.write(
                "  unused   \(own: scope.name): the policy \(own: verb) \(own: scope.levelName(row.allowed)), \(own: need)\n"
            )
        }
        if allowsUnlisted {
            stream.write(
                "  note: the policy has unlisted: \"any\", so it allows every scope it does not name; unlisted: \"none\" would refuse them\n"
                    as StaticString)
        }
    }

    /// `{"tool", "policy", "missing": [{scope, needed, allowed}], "unused": [{scope, allowed,
    /// needed, required}], "allows_unlisted", "calls": {read, mapped, other_hosts, unmapped}}`.
    package func writeJSON(policy: ResolvedPolicy, usage: UsageSummary, catalog: Catalog, to stream: ByteStream) {
        var json = JSONWriter(to: stream)
        json.beginObject()
        json.toolHeader(version: ScopeLintVersion.current)
        json.field("policy", policy.id)
        json.beginArray("missing")
        for row in missing {
            let scope = catalog[row.scope]
            json.beginObject()
            json.field("scope", scope.name)
            json.field("needed", scope.levelName(row.needed))
            json.field("allowed", scope.levelName(row.allowed))
            json.endObject()
        }
        json.endArray()
        json.beginArray("unused")
        for row in unused {
            let scope = catalog[row.scope]
            json.beginObject()
            json.field("scope", scope.name)
            json.field("allowed", scope.levelName(row.allowed))
            json.field("needed", scope.levelName(row.needed))
            json.field("required", row.required)
            json.endObject()
        }
        json.endArray()
        json.field("allows_unlisted", allowsUnlisted)
        json.beginObject("calls")
        json.field("read", usage.callsRead)
        json.field("mapped", usage.mappedCalls)
        json.field("other_hosts", usage.otherHosts)
        json.field("unmapped", usage.unmappedCalls)
        json.endObject()
        json.endObject()
        stream.write(byte: 0x0A)
    }
}
