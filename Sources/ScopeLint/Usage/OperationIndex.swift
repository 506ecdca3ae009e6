/// One REST operation of the endpoint map: what a call to it needs.
package struct APIOperation: Sendable, Equatable {
    /// A scope at a level; any one of an operation's `anyOf` authorizes it.
    package struct Grant: Sendable, Equatable {
        package var scope: ScopeID
        package var level: Int
    }

    package var method: String
    /// The path template without `/stores/{store_hash}` (`/v3/catalog/products/{product_id}`).
    package var template: String
    /// Empty when the operation needs no scope (webhook management: the default scope).
    package var anyOf: [Grant]
    /// How the map found the scopes (docs/catalog.md): `operation`, `path`, `spec`...
    package var basis: String
    /// The spec file and line of bigcommerce/docs the row comes from.
    package var spec: String

    /// `GET /v3/catalog/products`: how the generated policy and the reports name it.
    package var name: String { "\(method) \(template)" }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Method and path to operation, over the endpoint map built into the binary (`EndpointScopes`).
///
/// Paths are matched segment by segment in a tree built once, a literal segment preferred over
/// a `{param}` one at each step (`/v3/catalog/products/brands` is not `{product_id}`); no regular
/// expression is run per call, and a path longer than the deepest template stops at once.
package struct OperationIndex: Sendable {
    /// What a call is, for a generated policy.
    package enum Match: Sendable, Equatable {
        /// An operation of the map (its index in `operations`).
        case operation(Int)
        /// A request to a host that is not the API (CDN images, the storefront): passed over.
        case otherHost
        /// A request to the API that the map cannot name the scopes of, and why.
        case unmapped(String)
    }

    /// A node of the tree, in one array (`nodes`) and found by index: walking it retains and
    /// releases nothing, which a tree of objects did for every segment of every call.
    private struct Node: Sendable {
        /// Literal children by their segment's UTF-8; a node has a few dozen at most, so a scan
        /// that compares the length first beats hashing each segment of a call.
        var literals: [(segment: [UInt8], node: Int)] = []
        var parameter: Int?
        var operations: [(method: String, operation: Int)] = []

        func literal(_ segment: UnsafeBufferPointer<UInt8>) -> Int? {
            for child in literals where child.segment.count == segment.count {
                let same = child.segment.withUnsafeBufferPointer {
                    segment.isEmpty || memcmp($0.baseAddress!, segment.baseAddress!, segment.count) == 0
                }
                if same { return child.node }
            }
            return nil
        }

        func operation(_ method: String) -> Int? { operations.first { $0.method == method }?.operation }
    }

    package let operations: [APIOperation]
    /// Operations the docs name no scope for ("none found"): a call to one is unmapped.
    private let unknownScope: Set<Int>
    private let nodes: [Node]
    /// The B2B Management API's operation for each method.
    private let b2bOperations: [String: Int]

    /// The hosts that serve the REST API; a call naming no host is taken to be one.
    package static let apiHosts: Set<String> = ["api.bigcommerce.com"]

    /// The B2B Edition API, which the docs' reference specs (the map) do not cover. Its REST
    /// Management V3 API (`/api/v3/io/`) takes a store token with the B2B Edition scope at
    /// modify, its one level (docs/b2b-edition/about/index.mdx, base URL;
    /// docs/b2b-edition/authentication/hosted-auth.mdx: "Create a V3 Token with the B2B Edition
    /// scope set to `modify`"). Its other paths (the storefront REST and GraphQL APIs) take a
    /// buyer's token: no scope an API account could hold, so they are unmapped, never passed
    /// over as another host would be.
    package static let b2bHost = "api-b2b.bigcommerce.com"
    static let b2bManagementPrefix = "/api/v3/io/"
    private static let b2bMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    /// The map built into the binary, resolved against the catalog once.
    package static let bigCommerce = OperationIndex(rows: EndpointScopes.rows, catalog: .bigCommerce)

    /// Builds the index from `EndpointScopes`-shaped rows. A parameter the catalog does not know is
    /// a programming error (the test over every row proves the map resolves).
    package init(rows: [String], catalog: Catalog) {
        var operations: [APIOperation] = []
        var unknown: Set<Int> = []
        var nodes = [Node()]
        for row in rows {
            let fields = row.split(separator: " ", omittingEmptySubsequences: false)
            precondition(fields.count == 5, "endpoint row \(row)")
            let template = Self.segments(of: fields[1])
            var anyOf: [APIOperation.Grant] = []
            if fields[2] != "-" {
                for parameter in fields[2].split(separator: ",") {
                    guard let match = catalog.parameter(String(parameter)) else {
                        preconditionFailure("endpoint map parameter \(parameter) is not in the catalog")
                    }
                    anyOf.append(APIOperation.Grant(scope: match.scope, level: match.level))
                }
            }
            let index = operations.count
            operations.append(
                APIOperation(
                    method: String(fields[0]), template: "/" + template.joined(separator: "/"), anyOf: anyOf,
                    basis: String(fields[3]), spec: String(fields[4])))
            if fields[3] == "none-found" { unknown.insert(index) }
            var node = 0
            for segment in template {
                var bytes = Array(segment.utf8)
                if Self.isParameter(bytes[...]) {
                    if nodes[node].parameter == nil {
                        nodes[node].parameter = nodes.count
                        nodes.append(Node())
                    }
                    node = nodes[node].parameter!
                } else if let next = bytes.withUnsafeMutableBufferPointer({ nodes[node].literal(.init($0)) }) {
                    node = next
                } else {
                    nodes[node].literals.append((bytes, nodes.count))
                    node = nodes.count
                    nodes.append(Node())
                }
            }
            // Two specs may list one operation (a shared path): the first row keeps it.
            let method = String(fields[0])
            if nodes[node].operation(method) == nil { nodes[node].operations.append((method, index)) }
        }
        // The B2B Management API, one operation a method (see `b2bHost`).
        var b2b: [String: Int] = [:]
        if let scope = catalog.scope(named: "B2B Edition"), let level = catalog.level("modify", of: scope)?.level {
            for method in Self.b2bMethods {
                b2b[method] = operations.count
                operations.append(
                    APIOperation(
                        method: method, template: "https://\(Self.b2bHost)\(Self.b2bManagementPrefix)…",
                        anyOf: [APIOperation.Grant(scope: scope, level: level)], basis: "b2b-host",
                        spec: "docs/b2b-edition/authentication/hosted-auth.mdx:31"))
            }
        }
        self.b2bOperations = b2b
        self.operations = operations
        self.unknownScope = unknown
        self.nodes = nodes
    }

    /// What `call` is: an operation of the map, a call to another host, or unmapped.
    package func match(_ call: APICall) -> Match {
        if call.method == "CONNECT", call.host.map({ Self.apiHosts.contains($0) || $0 == Self.b2bHost }) ?? true {
            return .unmapped("a CONNECT tunnel: the log cannot show the calls inside it")
        }
        let method = call.method == "HEAD" ? "GET" : call.method
        if call.host == Self.b2bHost {
            guard call.path.hasPrefix(Self.b2bManagementPrefix) else {
                return .unmapped(
                    "a B2B Edition storefront or GraphQL request: a buyer's token authorizes it, not an API account's scope"
                )
            }
            guard let operation = b2bOperations[method] else {
                return .unmapped("no operation of the B2B Management API has this method")
            }
            return .operation(operation)
        }
        if let host = call.host, !Self.apiHosts.contains(host) { return .otherHost }
        var path = call.path
        return path.withUTF8 { bytes in
            let segments = Self.segmentRanges(bytes)
            guard let index = find(method, bytes, segments[...], from: 0) else {
                if let last = segments.last, UnsafeBufferPointer(rebasing: bytes[last]).elementsEqual("graphql".utf8) {
                    return .unmapped("a GraphQL request: what it needs is in its query, which is never read")
                }
                return .unmapped("no operation of the endpoint map has this method and path")
            }
            if unknownScope.contains(index) { return .unmapped("the docs name no scope for \(operations[index].name)") }
            return .operation(index)
        }
    }

    /// A depth-first walk, literal child first; it backs out of a literal branch that leads
    /// nowhere, bounded by the tree (never by the path, which is cut to the depth reached).
    /// On the path's bytes: a `String` per segment was most of a log's matching time.
    private func find(
        _ method: String, _ path: UnsafeBufferPointer<UInt8>, _ rest: ArraySlice<Range<Int>>, from node: Int
    ) -> Int? {
        guard let range = rest.first else { return nodes[node].operation(method) }
        let segment = UnsafeBufferPointer(rebasing: path[range])
        if !Self.isCallVariable(segment), let next = nodes[node].literal(segment),
            let found = find(method, path, rest.dropFirst(), from: next)
        {
            return found
        }
        if !segment.isEmpty, let next = nodes[node].parameter {
            return find(method, path, rest.dropFirst(), from: next)
        }
        return nil
    }

    /// A path's segments, as ranges of its bytes: after the leading slash, without
    /// `stores/{store_hash}` (the map's templates and calls have it or not) and without the
    /// empty segment of a trailing slash (it names the same resource).
    static func segmentRanges(_ path: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        var start = path.first == UInt8(ascii: "/") ? 1 : 0
        var index = start
        while index < path.count {
            if path[index] == UInt8(ascii: "/") {
                ranges.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        ranges.append(start..<path.count)
        if ranges.count >= 3, UnsafeBufferPointer(rebasing: path[ranges[0]]).elementsEqual("stores".utf8) {
            ranges.removeFirst(2)
        }
        if ranges.count > 1, ranges.last?.isEmpty == true { ranges.removeLast() }
        return ranges
    }

    /// The segments of a path as text (templates, tests), cut by `segmentRanges`.
    static func segments(of path: Substring) -> [Substring] {
        var text = String(path)
        let ranges = text.withUTF8 { segmentRanges($0) }
        let utf8 = text.utf8
        return ranges.map {
            text[
                utf8.index(
                    utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)]
        }
    }

    /// `{param}` in a template.
    static func isParameter(_ segment: some BidirectionalCollection<UInt8>) -> Bool {
        segment.first == UInt8(ascii: "{") && segment.last == UInt8(ascii: "}")
    }

    /// A call's segment written as a variable (`:id`, `{{id}}`, `{id}`, as Postman writes them),
    /// which matches a parameter segment only.
    static func isCallVariable(_ segment: some BidirectionalCollection<UInt8>) -> Bool {
        segment.first == UInt8(ascii: ":") || isParameter(segment)
    }
}
