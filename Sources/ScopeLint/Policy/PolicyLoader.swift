/// Reads one policy file (JSON or JSON5) and checks it against the catalog.
///
/// Every mistake is an error at its line and column: an unknown key (with a suggestion), an
/// unknown scope, a level the scope does not have, `min` above `max`. A typo in a security
/// policy that silently does nothing is worse than a stopped build.
package enum PolicyLoader {
    static let keys = [
        "id", "title", "source", "description", "applies_to", "extends", "unlisted", "scopes", "accepts", "severity",
        "companions", "risks",
    ]
    static let appliesToKeys = ["account_names", "types", "store_has_account_types", "account_holds"]
    static let companionKeys = ["title", "types", "account_names", "how", "unless_account_holds"]
    static let riskKeys = ["scope", "level", "severity", "harm"]
    static let sourceKeys = ["title", "url", "read"]

    package static func load(_ bytes: [UInt8], file: String, catalog: Catalog = .bigCommerce) throws(ScopeLintError)
        -> Policy
    {
        let root = try JSONReader.parse(bytes, file: file)
        return try load(root, file: file, catalog: catalog)
    }

    package static func load(_ root: JSONNode, file: String, catalog: Catalog) throws(ScopeLintError) -> Policy {
        let reader = Reader(file: file, catalog: catalog)
        guard let members = root.members else {
            throw reader.error(at: root.position, "expected a policy object, found \(root.value.kindDescription)")
        }
        var policy = Policy(
            id: "", title: "", source: nil, description: nil, file: file, position: root.position,
            appliesTo: nil, extends: [], unlisted: .none, requirements: [], accepts: [], risks: [],
            severity: [:], companions: [])
        var seen: Set<String> = []
        for member in members {
            guard keys.contains(member.key) else { throw reader.unknownKey(member, allowed: keys, in: "a policy") }
            guard seen.insert(member.key).inserted else {
                throw reader.error(at: member.keyPosition, "duplicate key '\(member.key)' in the policy")
            }
            switch member.key {
            case "id":
                let id = try reader.string(member.value, "the policy id")
                guard isValidID(id) else {
                    throw reader.error(
                        at: member.value.position,
                        "expected the policy id to be lower-case letters, digits and '-' (like \"modern-retail\")")
                }
                policy.id = id
            case "title": policy.title = try reader.string(member.value, "the title")
            case "source": policy.source = try reader.source(member.value)
            case "description": policy.description = try reader.string(member.value, "the description")
            case "applies_to": policy.appliesTo = try reader.appliesTo(member.value)
            case "extends":
                for node in try reader.stringList(member.value, "policy ids") {
                    policy.extends.append((id: node.stringValue ?? "", position: node.position))
                }
            case "unlisted":
                let text = try reader.string(member.value, "\"none\" or \"any\"")
                guard let unlisted = Policy.Unlisted(rawValue: text) else {
                    throw reader.error(
                        at: member.value.position,
                        "expected \"unlisted\" to be \"none\" (scopes not listed must be none) or \"any\" (not checked)"
                    )
                }
                policy.unlisted = unlisted
            case "scopes": policy.requirements = try reader.requirements(member.value)
            case "accepts": policy.accepts = try reader.accepts(member.value)
            case "severity": policy.severity = try reader.severities(member.value)
            case "companions": policy.companions = try reader.companions(member.value)
            case "risks": policy.risks = try reader.risks(member.value)
            default: break
            }
        }
        if policy.id.isEmpty { throw reader.error(at: root.position, "expected the policy to have an \"id\"") }
        if policy.title.isEmpty { policy.title = policy.id }
        return policy
    }

    package static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    struct Reader {
        let file: String
        let catalog: Catalog

        func error(at position: TextPosition, _ message: String) -> ScopeLintError {
            .invalid(file: file, position: position, message: message)
        }

        func unknownKey(_ member: JSONMember, allowed: [String], in what: String) -> ScopeLintError {
            .unknownKey(member, file: file, allowed: allowed, in: what)
        }

        func string(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> String {
            guard let text = node.stringValue else {
                throw error(at: node.position, "expected \(what) as a string, found \(node.value.kindDescription)")
            }
            return text
        }

        func object(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> [JSONMember] {
            guard let members = node.members else {
                throw error(at: node.position, "expected \(what) as an object, found \(node.value.kindDescription)")
            }
            return members
        }

        /// A list of strings; a single string is accepted as a list of one.
        func stringList(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> [JSONNode] {
            if node.stringValue != nil { return [node] }
            guard let elements = node.elements else {
                throw error(
                    at: node.position, "expected \(what) as an array of strings, found \(node.value.kindDescription)")
            }
            for element in elements where element.stringValue == nil {
                throw error(at: element.position, "expected \(what) as strings, found \(element.value.kindDescription)")
            }
            return elements
        }

        func types(_ node: JSONNode) throws(ScopeLintError) -> [AccountType] {
            var types: [AccountType] = []
            for element in try stringList(node, "account types") {
                let text = element.stringValue ?? ""
                guard let type = AccountType(rawValue: text.lowercased()) else {
                    throw error(
                        at: element.position,
                        "expected an account type, one of \(AccountType.allCases.map(\.rawValue).joined(separator: ", "))\(Suggestions.hint(for: text, in: AccountType.allCases.map(\.rawValue)))"
                    )
                }
                types.append(type)
            }
            return types
        }

        func patterns(_ node: JSONNode) throws(ScopeLintError) -> [String] {
            try stringList(node, "account-name patterns").map { $0.stringValue ?? "" }
        }

        func appliesTo(_ node: JSONNode) throws(ScopeLintError) -> Policy.AppliesTo {
            var result = Policy.AppliesTo()
            for member in try object(node, "\"applies_to\"") {
                switch member.key {
                case "account_names": result.accountNames = try patterns(member.value)
                case "types": result.types = try types(member.value)
                case "store_has_account_types": result.storeHasAccountTypes = try types(member.value)
                case "account_holds": result.accountHolds = try holdings(member.value, "\"account_holds\"")
                default: throw unknownKey(member, allowed: PolicyLoader.appliesToKeys, in: "\"applies_to\"")
                }
            }
            if result.accountNames.isEmpty && result.types.isEmpty {
                throw error(
                    at: node.position,
                    "expected \"applies_to\" to name \"account_names\" or \"types\"; an empty one would match every account"
                )
            }
            return result
        }

        func scope(_ key: String, at position: TextPosition) throws(ScopeLintError) -> ScopeID {
            guard let id = catalog.scope(forKey: key) else {
                throw error(
                    at: position,
                    "unknown scope '\(Redactor.redact(key))'\(Suggestions.hint(for: key, in: catalog.allNames)); scopelint scopes lists the known ones"
                )
            }
            // A resource with several permissions is no ladder: a policy names each one it means.
            let permissions = catalog.permissions(of: id)
            if permissions.count > 1 && catalog.isResourceName(key, of: id) {
                throw error(
                    at: position,
                    "\(catalog[id].group ?? key) is \(permissions.count) separate permissions, each its own scope: name the ones you mean (\(permissions.map { "\"\(catalog[$0].name)\"" }.joined(separator: ", ")))"
                )
            }
            return id
        }

        func level(_ node: JSONNode, of scope: ScopeID) throws(ScopeLintError) -> Int {
            let text = try string(node, "a level")
            guard let match = catalog.level(text, of: scope) else {
                throw error(
                    at: node.position,
                    "\(catalog[scope].name) has no level '\(Redactor.redact(text))'; expected one of \(catalog.levelNames(of: scope).joined(separator: ", "))"
                )
            }
            return match.level
        }

        /// `{ "B2B Edition": "modify" }`: scopes an account holds at least at a level above none.
        func holdings(_ node: JSONNode, _ what: String) throws(ScopeLintError) -> [Policy.Holding] {
            var result: [Policy.Holding] = []
            let members = try object(node, what)
            if members.isEmpty {
                throw error(at: node.position, "expected \(what) to name at least one scope and level")
            }
            for member in members {
                let id = try scope(member.key, at: member.keyPosition)
                let level = try level(member.value, of: id)
                if level == 0 {
                    throw error(
                        at: member.value.position,
                        "every account holds \(catalog[id].name) at \(catalog[id].levelName(0)); name a level above it")
                }
                result.append(Policy.Holding(scope: id, level: level))
            }
            return result
        }

        func requirements(_ node: JSONNode) throws(ScopeLintError) -> [Policy.Requirement] {
            var result: [Policy.Requirement] = []
            var seen: [ScopeID: TextPosition] = [:]
            for member in try object(node, "\"scopes\"") {
                let id = try scope(member.key, at: member.keyPosition)
                if let earlier = seen[id] {
                    throw error(
                        at: member.keyPosition,
                        "\(catalog[id].name) is listed twice (first at line \(earlier.line)); list each scope once")
                }
                seen[id] = member.keyPosition
                let top = catalog[id].highestLevel
                var requirement = Policy.Requirement(scope: id, min: 0, max: top, position: member.keyPosition)
                if member.value.stringValue == "any" {
                    result.append(requirement)
                    continue
                }
                if member.value.stringValue != nil {
                    let level = try level(member.value, of: id)
                    requirement.min = level
                    requirement.max = level
                } else if let range = member.value.members {
                    var minPosition = member.value.position
                    for bound in range {
                        switch bound.key {
                        case "min":
                            requirement.min = try level(bound.value, of: id)
                            minPosition = bound.value.position
                        case "max": requirement.max = try level(bound.value, of: id)
                        default: throw unknownKey(bound, allowed: ["min", "max"], in: "a scope range")
                        }
                    }
                    if requirement.min > requirement.max {
                        throw error(
                            at: minPosition,
                            "\(catalog[id].name): min \(catalog[id].levelName(requirement.min)) is above max \(catalog[id].levelName(requirement.max)); no level can satisfy both"
                        )
                    }
                } else {
                    throw error(
                        at: member.value.position,
                        "expected a level (\"modify\"), a range ({\"min\": ..., \"max\": ...}) or \"any\", found \(member.value.value.kindDescription)"
                    )
                }
                result.append(requirement)
            }
            return result
        }

        func accepts(_ node: JSONNode) throws(ScopeLintError) -> [Policy.Acceptance] {
            var result: [Policy.Acceptance] = []
            for member in try object(node, "\"accepts\"") {
                let id = try scope(member.key, at: member.keyPosition)
                let reason = try string(member.value, "the reason this risk is accepted")
                if reason.trimmingWhitespace().isEmpty {
                    throw error(
                        at: member.value.position,
                        "expected a reason: an accepted risk must say why the integration needs it")
                }
                result.append(Policy.Acceptance(scope: id, reason: reason, position: member.keyPosition))
            }
            return result
        }

        func severities(_ node: JSONNode) throws(ScopeLintError) -> [RuleID: Policy.SeverityOverride] {
            var result: [RuleID: Policy.SeverityOverride] = [:]
            for member in try object(node, "\"severity\"") {
                guard let rule = RuleID(rawValue: member.key) else {
                    throw error(
                        at: member.keyPosition,
                        "unknown rule '\(Redactor.redact(member.key))'\(Suggestions.hint(for: member.key, in: RuleID.allCases.map(\.rawValue))); scopelint explain lists the rules"
                    )
                }
                let text = try string(member.value, "a severity")
                if text.lowercased() == "off" {
                    result[rule] = .off
                } else if let severity = Severity(rawValue: text.lowercased()) {
                    result[rule] = .severity(severity)
                } else {
                    throw error(at: member.value.position, "expected a severity: error, warning, note or off")
                }
            }
            return result
        }

        func companions(_ node: JSONNode) throws(ScopeLintError) -> [Policy.Companion] {
            guard let elements = node.elements else {
                throw error(
                    at: node.position, "expected \"companions\" as an array, found \(node.value.kindDescription)")
            }
            var result: [Policy.Companion] = []
            for element in elements {
                var companion = Policy.Companion(
                    title: "", types: [], accountNames: [], how: nil, position: element.position)
                for member in try object(element, "a companion account") {
                    switch member.key {
                    case "title": companion.title = try string(member.value, "the companion's title")
                    case "types": companion.types = try types(member.value)
                    case "account_names": companion.accountNames = try patterns(member.value)
                    case "how": companion.how = try string(member.value, "how to create the companion account")
                    case "unless_account_holds":
                        companion.unlessAccountHolds = try holdings(member.value, "\"unless_account_holds\"")
                    default: throw unknownKey(member, allowed: PolicyLoader.companionKeys, in: "a companion account")
                    }
                }
                if companion.title.isEmpty {
                    throw error(at: element.position, "expected the companion account to have a \"title\"")
                }
                if companion.types.isEmpty && companion.accountNames.isEmpty {
                    throw error(
                        at: element.position, "expected the companion account to name \"types\" or \"account_names\"")
                }
                result.append(companion)
            }
            return result
        }

        /// `"source": "text"` (a title alone, as older policies have it) or
        /// `"source": { title, url, read }`. The address and date are checked because users follow
        /// them and reviewers judge a policy's age by them: a typo must not pass as a source.
        func source(_ node: JSONNode) throws(ScopeLintError) -> Policy.Source {
            if node.stringValue != nil {
                let title = try string(node, "the source")
                guard !title.trimmingWhitespace().isEmpty else {
                    throw error(at: node.position, "expected the source to name the page the policy comes from")
                }
                return Policy.Source(title: title)
            }
            guard let members = node.members else {
                throw error(
                    at: node.position,
                    "expected the source as a string or as { title, url, read }, found \(node.value.kindDescription)")
            }
            var source = Policy.Source(title: "")
            var seen: Set<String> = []
            for member in members {
                guard seen.insert(member.key).inserted else {
                    throw error(at: member.keyPosition, "duplicate key '\(member.key)' in the source")
                }
                switch member.key {
                case "title": source.title = try string(member.value, "the page's title")
                case "url":
                    let url = try string(member.value, "the page's address")
                    guard Self.isWebAddress(url) else {
                        throw error(
                            at: member.value.position,
                            "expected the page's public address, an absolute http:// or https:// URL without spaces (like \"https://example.com/guide\")"
                        )
                    }
                    source.url = url
                case "read":
                    let date = try string(member.value, "the date the page was read")
                    guard Self.isDate(date) else {
                        throw error(
                            at: member.value.position,
                            "expected the day the page was read, a date that exists, as YYYY-MM-DD (like \"2026-11-29\")"
                        )
                    }
                    source.read = date
                default: throw unknownKey(member, allowed: PolicyLoader.sourceKeys, in: "the source")
                }
            }
            if source.title.trimmingWhitespace().isEmpty {
                throw error(at: node.position, "expected the source to have a \"title\": the page's title")
            }
            if source.url == nil {
                throw error(at: node.position, "expected the source to have a \"url\": the page's public address")
            }
            return source
        }

        /// An absolute http(s) URL with a host, printable ASCII only: it is shown to people and
        /// written into reports, so nothing in it may be invisible or break a line. No user part:
        /// `https://vendor.com@elsewhere.example/` would open elsewhere.example.
        static func isWebAddress(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            let scheme: Int
            if text.hasPrefix("https://") {
                scheme = 8
            } else if text.hasPrefix("http://") {
                scheme = 7
            } else {
                return false
            }
            guard bytes.count > scheme, bytes.count <= 2048 else { return false }
            let forbidden: Set<UInt8> = [0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D]  // " < > \ ^ ` { | }
            guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
            let host = bytes[scheme...].prefix { $0 != 0x2F && $0 != 0x3F && $0 != 0x23 }
            return !host.isEmpty && host.first != 0x2E && !host.contains(0x40)
        }

        /// `YYYY-MM-DD`, a day that exists.
        static func isDate(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year >= 1990,
                (1...12).contains(month)
            else { return false }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return (1...days).contains(day)
        }

        func risks(_ node: JSONNode) throws(ScopeLintError) -> [Policy.Risk] {
            guard let elements = node.elements else {
                throw error(
                    at: node.position, "expected \"risks\" as an array of rows, found \(node.value.kindDescription)")
            }
            var result: [Policy.Risk] = []
            for element in elements {
                let members = try object(element, "a risk row")
                var scopeNode: JSONMember?
                var levelNode: JSONNode?
                var severity: Severity?
                var harm: String?
                for member in members {
                    switch member.key {
                    case "scope": scopeNode = member
                    case "level": levelNode = member.value
                    case "severity":
                        let text = try string(member.value, "a severity")
                        guard let parsed = Severity(rawValue: text.lowercased()) else {
                            throw error(at: member.value.position, "expected a severity: error, warning or note")
                        }
                        severity = parsed
                    case "harm": harm = try string(member.value, "the harm")
                    default: throw unknownKey(member, allowed: PolicyLoader.riskKeys, in: "a risk row")
                    }
                }
                guard let scopeNode, let levelNode, let severity, let harm else {
                    throw error(
                        at: element.position,
                        "expected a risk row to have \"scope\", \"level\", \"severity\" and \"harm\"")
                }
                let id = try scope(try string(scopeNode.value, "a scope name"), at: scopeNode.value.position)
                let level = try level(levelNode, of: id)
                if level == 0 {
                    throw error(
                        at: levelNode.position,
                        "a risk at the lowest level would flag every account; name the level from which the scope is risky"
                    )
                }
                result.append(
                    Policy.Risk(scope: id, level: level, severity: severity, harm: harm, position: element.position))
            }
            return result
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        // The end bytes read from the buffer: the view's generic `last` cost more than the rest.
        var text = self
        let visible = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
        }
        if visible { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
