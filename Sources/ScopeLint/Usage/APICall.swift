/// One HTTP request an integration made, as a usage input recorded it: the facts a generated
/// policy is built from. Readers (`UsageInput`) make these; the operation index maps them to
/// scopes. A call holds no query string, fragment, header or body: those are where tokens
/// travel, and nothing downstream needs them.
package struct APICall: Sendable, Equatable {
    /// The request method, upper case (`GET`, `POST`...).
    package var method: String
    /// The host, lower case and without a port, when the input names one; nil for a bare path
    /// (`GET /v3/catalog/products`), which is taken to be a call to the API.
    package var host: String?
    /// The path alone, as recorded (percent-encoding kept): no scheme, host, query or fragment.
    package var path: String
    /// Where the request is in its input: what an unmapped call is reported at.
    package var location: SourceLocation

    package init(method: String, host: String?, path: String, location: SourceLocation) {
        self.method = method
        self.host = host
        self.path = path
        self.location = location
    }
}

/// What a usage reader hands over for each request its input records.
package enum UsageRecord: Sendable, Equatable {
    case call(APICall)
    /// A request the input holds but whose method and URL cannot be read (an access log's
    /// request field of `-`, or bytes that are not HTTP). Never dropped: the generator lists it
    /// with the calls it cannot map. `what` describes it by kind, never quoting the input.
    case unreadable(SourceLocation, what: String)
}

/// The shapes of API usage `policies generate` reads; `--from` names one.
package enum UsageFormat: String, CaseIterable, Sendable {
    /// A list of calls, one a line: `GET /v3/catalog/products` or a full URL.
    case calls
    /// A web server or proxy access log (common or combined log format).
    case accessLog = "access-log"
    /// An HTTP Archive (HAR 1.2) from browser devtools or a recording proxy.
    case har
    /// A Postman collection (v2.1).
    case postman
}
