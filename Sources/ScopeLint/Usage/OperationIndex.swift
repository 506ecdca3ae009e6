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

    private final class Node: @unchecked Sendable {
        // Built once in `init`, read only afterwards.
        var literal: [Substring: Node] = [:]
        var parameter: Node?
        var operations: [String: Int] = [:]
    }

    package let operations: [APIOperation]
    /// Operations the docs name no scope for ("none found"): a call to one is unmapped.
    private let unknownScope: Set<Int>
    private let root: Node

    /// The hosts that serve the REST API; a call naming no host is taken to be one.
    package static let apiHosts: Set<String> = ["api.bigcommerce.com"]

    /// The map built into the binary, resolved against the catalog once.
    package static let bigCommerce = OperationIndex(rows: EndpointScopes.rows, catalog: .bigCommerce)

    /// Builds the index from `EndpointScopes`-shaped rows. A parameter the catalog does not know is
    /// a programming error (the test over every row proves the map resolves).
    package init(rows: [String], catalog: Catalog) {
        var operations: [APIOperation] = []
        var unknown: Set<Int> = []
        let root = Node()
        for row in rows {
            let fields = row.split(separator: " ", omittingEmptySubsequences: false)
            precondition(fields.count == 5, "endpoint row \(row)")
            let template = Self.stripStorePrefix(Self.segments(of: fields[1]))
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
            var node = root
            for segment in template {
                if Self.isParameter(segment) {
                    if node.parameter == nil { node.parameter = Node() }
                    node = node.parameter!
                } else {
                    if node.literal[segment] == nil { node.literal[segment] = Node() }
                    node = node.literal[segment]!
                }
            }
            // Two specs may list one operation (a shared path): the first row keeps it.
            if node.operations[String(fields[0])] == nil { node.operations[String(fields[0])] = index }
        }
        self.operations = operations
        self.unknownScope = unknown
        self.root = root
    }

    /// What `call` is: an operation of the map, a call to another host, or unmapped.
    package func match(_ call: APICall) -> Match {
        if let host = call.host, !Self.apiHosts.contains(host) { return .otherHost }
        if call.method == "CONNECT" { return .unmapped("a CONNECT tunnel: the log cannot show the calls inside it") }
        let method = call.method == "HEAD" ? "GET" : call.method
        var segments = Self.stripStorePrefix(Self.segments(of: Substring(call.path)))
        // A trailing slash names the same resource.
        if segments.last?.isEmpty == true { segments.removeLast() }
        guard let index = find(method, segments[...], from: root) else {
            if segments.last == "graphql" {
                return .unmapped("a GraphQL request: what it needs is in its query, which is never read")
            }
            return .unmapped("no operation of the endpoint map has this method and path")
        }
        if unknownScope.contains(index) { return .unmapped("the docs name no scope for \(operations[index].name)") }
        return .operation(index)
    }

    /// A depth-first walk, literal child first; it backs out of a literal branch that leads
    /// nowhere, bounded by the tree (never by the path, which is cut to the depth reached).
    private func find(_ method: String, _ rest: ArraySlice<Substring>, from node: Node) -> Int? {
        guard let segment = rest.first else { return node.operations[method] }
        if !Self.isCallVariable(segment), let next = node.literal[segment],
            let found = find(method, rest.dropFirst(), from: next)
        {
            return found
        }
        if !segment.isEmpty, let next = node.parameter { return find(method, rest.dropFirst(), from: next) }
        return nil
    }

    /// A path's segments after its leading slash.
    static func segments(of path: Substring) -> [Substring] {
        var path = path
        if path.first == "/" { path = path.dropFirst() }
        return path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The segments without `stores/{store_hash}`: the map's templates and calls have it or not.
    static func stripStorePrefix(_ segments: [Substring]) -> [Substring] {
        guard segments.count >= 3, segments[0] == "stores" else { return segments }
        return Array(segments.dropFirst(2))
    }

    /// `{param}` in a template.
    static func isParameter(_ segment: Substring) -> Bool { segment.first == "{" && segment.last == "}" }

    /// A call's segment written as a variable (`:id`, `{{id}}`, `{id}`, as Postman writes them),
    /// which matches a parameter segment only.
    static func isCallVariable(_ segment: Substring) -> Bool {
        segment.first == ":" || isParameter(segment)
    }
}
