import Foundation

/// Reads a Postman collection (v2.1, and v2.0, which has the same requests): every request in
/// `item`, folders nested to any depth, in order. Only `method` and `url` are read, and the
/// collection's own `variable` list to fill `{{name}}` in URLs; headers, auth, bodies, scripts
/// and saved responses are never read into anything.
enum PostmanReader {
    static func read(
        _ root: JSONNode, file: String, limits: Limits, each: (UsageRecord) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let json = UsageJSON(file: file)
        let info = try json.require(
            "info", of: root, in: "a Postman collection", expected: "info, the collection's header")
        let schema = try json.require("schema", of: info, in: "info", expected: "info.schema, the collection's version")
        guard let schemaText = schema.stringValue,
            schemaText.contains("/collection/v2.1") || schemaText.contains("/collection/v2.0")
        else {
            throw json.error(
                at: schema,
                "expected a Postman collection v2.1 (info.schema .../collection/v2.1.0/collection.json); export the collection as v2.1"
            )
        }
        let variables = try self.variables(of: root, json: json)
        let items = try json.require(
            "item", of: root, in: "a Postman collection", expected: "item, the collection's requests")
        var reader = Walker(json: json, variables: variables, limits: limits)
        try reader.walk(items, each: each)
    }

    /// The collection's `variable` list: `key` → `value` (strings, numbers and booleans as
    /// written); disabled and empty ones left out.
    static func variables(of root: JSONNode, json: UsageJSON) throws(ScopeLintError) -> [String: String] {
        guard let list = try json.member("variable", of: root, in: "the collection") else { return [:] }
        guard let elements = list.elements else { throw json.error(at: list, "expected variable to be an array") }
        var values: [String: String] = [:]
        for variable in elements {
            // v2.1 names a variable by `key`, v2.0 by `id`.
            let byKey = try json.member("key", of: variable, in: "each variable")?.stringValue
            let byID = try json.member("id", of: variable, in: "each variable")?.stringValue
            guard let key = byKey ?? byID else { continue }
            if case .bool(true)? = try json.member("disabled", of: variable, in: "each variable")?.value { continue }
            switch try json.member("value", of: variable, in: "each variable")?.value {
            // An empty value is a placeholder an environment fills: left as written.
            case .string(let text)? where text.isEmpty: continue
            case .string(let text)?: values[key] = text
            case .number(let text)?: values[key] = text
            case .bool(let flag)?: values[key] = flag ? "true" : "false"
            default: continue
            }
        }
        return values
    }

    struct Walker {
        let json: UsageJSON
        let variables: [String: String]
        let limits: Limits
        /// Folders nest; a collection deeper than this is refused rather than read by deep recursion.
        var depth = 0

        mutating func walk(_ items: JSONNode, each: (UsageRecord) throws(ScopeLintError) -> Void)
            throws(ScopeLintError)
        {
            guard let elements = items.elements else {
                throw json.error(at: items, "expected item to be an array of requests and folders")
            }
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { throw json.error(at: items, "expected folders nested at most 64 deep") }
            for item in elements {
                if let folder = try json.member("item", of: item, in: "each item") {
                    try walk(folder, each: each)
                    continue
                }
                let request = try json.require(
                    "request", of: item, in: "the item", expected: "a request or a folder (item) in each item")
                try each(record(request))
            }
        }

        /// A request is a URL string, or an object with `method` (GET when absent) and `url`.
        func record(_ request: JSONNode) throws(ScopeLintError) -> UsageRecord {
            if let text = request.stringValue { return try record(method: "GET", url: text, at: request) }
            let method = try json.member("method", of: request, in: "the request")
            let methodText: String
            switch method?.value {
            case nil: methodText = "GET"
            case .string(let text)?: methodText = text
            default: throw json.error(at: method!, "expected request.method to be a string")
            }
            let url = try json.require("url", of: request, in: "the request", expected: "the request's url")
            if let text = url.stringValue { return try record(method: methodText, url: text, at: url) }
            return try record(method: methodText, url: try raw(of: url), at: url)
        }

        /// The URL an object `url` stands for: its `raw` text, or else the URL its parts make.
        /// The query is never assembled: nothing reads it.
        func raw(of url: JSONNode) throws(ScopeLintError) -> String {
            if let raw = try json.member("raw", of: url, in: "the url"), let text = raw.stringValue, !text.isEmpty {
                return text
            }
            var text = ""
            if let proto = try json.member("protocol", of: url, in: "the url")?.stringValue { text = proto + "://" }
            if let host = try json.member("host", of: url, in: "the url") {
                text += try parts(host, joinedBy: ".")
            }
            if let port = try json.member("port", of: url, in: "the url")?.stringValue { text += ":" + port }
            if let path = try json.member("path", of: url, in: "the url") {
                text += "/" + (try parts(path, joinedBy: "/"))
            }
            return text
        }

        /// `host` and `path` are a string or an array of strings (or `{value}` objects).
        func parts(_ node: JSONNode, joinedBy separator: String) throws(ScopeLintError) -> String {
            if let text = node.stringValue { return text }
            guard let elements = node.elements else {
                throw json.error(at: node, "expected a string or an array of strings")
            }
            var pieces: [String] = []
            for element in elements {
                if let text = element.stringValue {
                    pieces.append(text)
                } else if let text = try json.member("value", of: element, in: "a path segment")?.stringValue {
                    pieces.append(text)
                } else {
                    throw json.error(at: element, "expected a string")
                }
            }
            return pieces.joined(separator: separator)
        }

        func record(method: String, url: String, at node: JSONNode) throws(ScopeLintError) -> UsageRecord {
            let location = SourceLocation(file: json.file, position: node.position)
            let resolved = try resolve(url, at: node).trimmingCharacters(in: .whitespaces)
            // No scheme: a host first (Postman allows `api.example.com/path`) or a bare path.
            var target = resolved
            if UsageURL.split(resolved) == nil, let first = resolved.first, first != "/" {
                let slash = resolved.firstIndex(of: "/") ?? resolved.endIndex
                let host = resolved[..<slash]
                target = (host.contains("{{") ? "" : "https://" + host) + resolved[slash...]
                if target.isEmpty { target = "/" }
            }
            let record = UsageJSON.record(method: method, url: target, at: location)
            guard case .call(var call) = record else { return record }
            // A host that is still an unresolved variable is taken to be the API.
            if let host = call.host, host.contains("{{") { call.host = nil }
            return .call(call)
        }

        /// `{{name}}` replaced from the collection's variables, again while replacing made more
        /// (a variable may hold another); one left unresolved stays as written.
        func resolve(_ url: String, at node: JSONNode) throws(ScopeLintError) -> String {
            guard !variables.isEmpty, url.contains("{{") else { return url }
            var text = url
            for _ in 0..<8 {
                var result = ""
                var rest = text[...]
                var changed = false
                while let open = rest.range(of: "{{") {
                    result += rest[..<open.lowerBound]
                    guard let close = rest[open.upperBound...].range(of: "}}") else {
                        result += rest[open.lowerBound...]
                        rest = rest[rest.endIndex...]
                        break
                    }
                    let name = String(rest[open.upperBound..<close.lowerBound])
                    if let value = variables[name] {
                        result += value
                        changed = true
                    } else {
                        result += rest[open.lowerBound..<close.upperBound]
                    }
                    rest = rest[close.upperBound...]
                }
                result += rest
                guard result.utf8.count <= limits.stringLength else {
                    throw json.error(
                        at: node, "expected a URL; its variables expand past \(Limits.describe(limits.stringLength))")
                }
                text = result
                if !changed || !text.contains("{{") { break }
            }
            return text
        }
    }
}
