/// Reads an HTTP Archive (HAR 1.2): `log.entries[].request.method` and `.url`, nothing else.
/// Headers, cookies, query strings, post data and responses are where tokens are; they are
/// parsed as JSON (the whole file is, under `Limits.inputSize`) but never read into anything.
enum HARReader {
    static func read(
        _ root: JSONNode, file: String, each: (UsageRecord) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let json = UsageJSON(file: file)
        let log = try json.require("log", of: root, in: "a HAR file", expected: "log, the HAR's content")
        let entries = try json.require("entries", of: log, in: "log", expected: "log.entries, the HAR's requests")
        guard let list = entries.elements else {
            throw json.error(at: entries, "expected log.entries to be an array, found \(entries.value.kindDescription)")
        }
        for entry in list {
            let request = try json.require("request", of: entry, in: "each entry", expected: "the entry's request")
            let url = try json.require("url", of: request, in: "the request", expected: "the request's url")
            let method = try json.require("method", of: request, in: "the request", expected: "the request's method")
            guard let urlText = url.stringValue else {
                throw json.error(at: url, "expected request.url to be a string")
            }
            guard let methodText = method.stringValue else {
                throw json.error(at: method, "expected request.method to be a string")
            }
            let location = SourceLocation(file: file, position: url.position)
            try each(UsageJSON.record(method: methodText, url: urlText, at: location))
        }
    }
}

/// The small JSON vocabulary the HAR and Postman readers share: members looked up once each
/// (a key given twice is refused: tools disagree on which one counts), errors at the node.
struct UsageJSON {
    let file: String

    func error(at node: JSONNode, _ message: String) -> ScopeLintError {
        .invalid(file: file, position: node.position, message: message)
    }

    /// The member `key` of the object `node`; nil when absent, an error when `required`
    /// (naming what was expected) and absent, when `node` is not an object, or when the key
    /// is there twice.
    func member(_ key: String, of node: JSONNode, in what: String, required: String? = nil) throws(ScopeLintError)
        -> JSONNode?
    {
        guard let members = node.members else {
            throw error(at: node, "expected \(what) to be an object, found \(node.value.kindDescription)")
        }
        var found: JSONMember?
        for member in members where member.key == key {
            if found != nil {
                throw .invalid(
                    file: file, position: member.keyPosition,
                    message: "\(what) has '\(key)' twice; tools disagree on which one counts")
            }
            found = member
        }
        if found == nil, let required { throw error(at: node, "expected \(required); \(what) has no '\(key)'") }
        return found?.value
    }

    func require(_ key: String, of node: JSONNode, in what: String, expected: String) throws(ScopeLintError)
        -> JSONNode
    {
        guard let value = try member(key, of: node, in: what, required: expected) else {
            throw error(at: node, "expected \(expected)")
        }
        return value
    }

    /// The record of a request whose method and URL a JSON input names.
    static func record(method: String, url: String, at location: SourceLocation) -> UsageRecord {
        guard UsageURL.isMethod(method.utf8) else {
            return .unreadable(location, what: "a request whose method is not an HTTP method")
        }
        guard let (host, path) = UsageURL.split(url) else {
            return .unreadable(location, what: "a request to a URL that is not http(s) (a data: or extension URL?)")
        }
        return .call(APICall(method: UsageURL.method(method.utf8), host: host, path: path, location: location))
    }
}
