import Foundation
import Testing

@testable import ScopeLint

@Suite("Usage: the same calls in four shapes, detection, secrets")
struct UsageFixtureTests {
    static let sameCalls = [
        "calls.txt": UsageFormat.calls, "access.log": .accessLog, "session.har": .har,
        "collection.postman.json": .postman,
    ]

    /// The four files give the same (method, host or API, path) sequence, with no id mapping:
    /// the Postman collection's `{{product_id}}` resolves to the others' 111 from its own
    /// variables. A call list's bare path is taken to be the API, as the generator takes it.
    @Test func theFourShapesGiveTheSameCalls() throws {
        var sequences: [String: [String]] = [:]
        for (name, format) in Self.sameCalls {
            let read = try Usage.read(file: Usage.fixture("same-calls/\(name)"))
            #expect(read.format == format, "\(name)")
            #expect(read.records.count == read.calls.count, "\(name) has a record that is not a call")
            sequences[name] = read.calls.map {
                "\($0.method) \($0.host == nil || $0.host == "api.bigcommerce.com" ? "API" : $0.host!) \($0.path)"
            }
        }
        let expected = [
            "GET API /stores/abc123/v3/catalog/products", "POST API /stores/abc123/v3/catalog/products",
            "GET API /stores/abc123/v3/catalog/products/111", "PUT API /stores/abc123/v3/catalog/products/111",
            "GET API /stores/abc123/v3/catalog/products/111/variants", "GET API /stores/abc123/v3/catalog/categories",
            "GET API /stores/abc123/v2/orders", "PUT API /stores/abc123/v2/orders/1001",
            "GET API /stores/abc123/v2/orders/1001/shipments", "GET API /stores/abc123/v3/customers",
            "POST API /stores/abc123/v3/hooks",
            "GET cdn11.bigcommerce.com /s-abc123/images/stencil/original/products/111/1.jpg",
            "GET API /stores/abc123/v3/nonexistent",
        ]
        for (name, sequence) in sequences { #expect(sequence == expected, "\(name)") }
    }

    @Test func eachFormatIsDetectedAndForcingItAgreesWithDetection() throws {
        for (name, format) in Self.sameCalls {
            let path = Usage.fixture("same-calls/\(name)")
            #expect(try Usage.read(file: path, from: format).records == Usage.read(file: path).records)
        }
    }

    @Test func aForcedFormatThatDoesNotFitSaysWhichReadsIt() throws {
        func error(_ name: String, _ format: UsageFormat) -> String? {
            do {
                _ = try Usage.read(file: Usage.fixture("same-calls/\(name)"), from: format)
                return nil
            } catch { return error.description.replacingOccurrences(of: Usage.fixture("same-calls") + "/", with: "") }
        }
        #expect(
            error("access.log", .calls)
                == "access.log:1:1: error: expected a list of calls (--from calls); this input is an access log: use --from access-log, or drop --from"
        )
        #expect(
            error("calls.txt", .accessLog)
                == "calls.txt:3:1: error: expected an access log (--from access-log); this input is a list of calls: use --from calls, or drop --from"
        )
        #expect(
            error("calls.txt", .har)
                == "calls.txt:3:1: error: expected a HAR file (--from har); this input is a list of calls: use --from calls, or drop --from"
        )
        #expect(
            error("session.har", .accessLog)
                == "session.har:1:1: error: expected an access log (--from access-log); this input is a HAR file (JSON): use --from har, or drop --from"
        )
        #expect(
            error("session.har", .postman)
                == "session.har:1:1: error: expected a Postman collection (--from postman); this input is a HAR file: use --from har, or drop --from"
        )
        #expect(
            error("collection.postman.json", .calls)
                == "collection.postman.json:1:1: error: expected a list of calls (--from calls); this input is a Postman collection (JSON): use --from postman, or drop --from"
        )
        // Other JSON is named as what was expected.
        #expect(
            Usage.error(#"  {"stores": []}"#)
                == "<stdin>:1:3: error: expected a HAR file (an object with log.entries) or a Postman collection (an object with info and item)"
        )
        #expect(Usage.error("[1, 2]")?.hasPrefix("<stdin>:1:1: error: expected a HAR file") == true)
        #expect(Usage.error(#"{"log": "#)?.hasPrefix("<stdin>:1:") == true)
    }

    @Test func textIsDecidedByItsFirstLineWithText() throws {
        let log = #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET /v3/orders HTTP/1.1" 200 1"#
        #expect(try Usage.read("\n# proxy log\n\n" + log + "\n").format == .accessLog)
        #expect(try Usage.read("# calls\nGET /v3/orders\n").format == .calls)
        // A first line that starts like a log line but goes wrong is an access log's error.
        #expect(
            Usage.error(#"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET /v3/orders HTTP/1.1" -"#)
                == "<stdin>:1:68: error: expected the status code after the request")
        // After a call list's first call, a log line is an error, not a call.
        #expect(Usage.error("GET /v3/orders\n" + log + "\n")?.hasPrefix("<stdin>:2:1: error: expected a call") == true)
    }

    /// A request target on the wire has no control characters (they are percent-encoded): one
    /// that holds them is not read as a call, so no escape sequence reaches a path.
    @Test func controlCharactersNeverReachACall() throws {
        let log = #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET /v3/\x1B[31mred HTTP/1.1" 200 1"#
        #expect(
            try Usage.read(log).records == [
                .unreadable(
                    ScopeLint.SourceLocation(file: "<stdin>", position: TextPosition(line: 1, column: 43)),
                    what: "a request target that is neither a path nor an http(s) URL in UTF-8")
            ])
        #expect(
            Usage.error("GET /v3/orders\u{1B}]0;title\u{07}\n")
                == "<stdin>:1:5: error: expected a path starting with / or an http(s) URL")
        let har = try Usage.read(
            #"{"log": {"entries": [{"request": {"method": "GET", "url": "https://a.example/\u001b[2J"}}]}}"#)
        #expect(har.calls.isEmpty && har.records.count == 1)
        let postman = try Usage.read(
            #"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"request": "  https://a.example/x\u0085  "}]}"#
        )
        #expect(postman.calls.isEmpty && postman.records.count == 1)
        // Spaces around a Postman URL are not part of it; other text outside ASCII is kept.
        let spaced = try Usage.read(
            #"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"request": "  https://a.example/caf\u00e9  "}]}"#
        )
        #expect(spaced.shapes == ["GET a.example /caf\u{E9}"])
    }

    @Test func noSecretReachesARecordOrAnError() throws {
        let secret = "tok3nS3cr3tVALUE"
        let inputs = [
            // A query string, in a call list and in a log line, and a log line's user field.
            "GET /v3/catalog/products?access_token=\(secret)\n",
            #"1.2.3.4 - \#(secret) [29/Nov/2026:09:00:00 +0000] "GET /v3/orders?token=\#(secret) HTTP/1.1" 200 1 "https://x/?t=\#(secret)" "\#(secret)""#,
            // The same line broken after the secrets: the error must not quote them.
            #"1.2.3.4 - \#(secret) [29/Nov/2026:09:00:00 +0000] "GET /v3/orders?token=\#(secret) HTTP/1.1" \#(secret)"#,
            #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "\#(secret) /x?\#(secret) HTTP/1.1" 200 1"#,
            // A HAR's header, cookie, query string and post data.
            #"""
            {"log": {"entries": [{"request": {"method": "POST", "url": "https://api.bigcommerce.com/stores/a/v3/carts?token=\#(secret)",
              "headers": [{"name": "X-Auth-Token", "value": "\#(secret)"}], "cookies": [{"name": "SHOP_TOKEN", "value": "\#(secret)"}],
              "queryString": [{"name": "token", "value": "\#(secret)"}], "postData": {"mimeType": "application/json", "text": "{\"t\": \"\#(secret)\"}"}},
              "response": {"headers": [{"name": "Set-Cookie", "value": "\#(secret)"}]}}]}}
            """#,
            // A broken HAR whose only request holds the secret in its headers.
            #"{"log": {"entries": [{"request": {"headers": [{"name": "X-Auth-Token", "value": "\#(secret)"}], "method": "GET"}}]}}"#,
            // A Postman collection: a header, auth, a query, a body and a variable the URL does not use.
            #"""
            {"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "auth": {"type": "apikey", "apikey": [{"key": "value", "value": "\#(secret)"}]},
             "variable": [{"key": "token", "value": "\#(secret)"}],
             "item": [{"request": {"method": "POST", "header": [{"key": "X-Auth-Token", "value": "{{token}}"}],
               "body": {"mode": "raw", "raw": "\#(secret)"}, "url": "https://api.bigcommerce.com/stores/a/v3/orders?access_token={{token}}"}}]}
            """#,
            #"{"info": {"schema": "\#(secret)"}, "item": []}"#,
        ]
        for input in inputs {
            do {
                let read = try Usage.read(input)
                for record in read.records { #expect(!record.allText.contains(secret), "\(record.allText)") }
                #expect(!read.records.isEmpty)
            } catch {
                #expect(!error.description.contains(secret), "\(error.description)")
                #expect(
                    error.description.wholeMatch(of: /<stdin>:[0-9]+:[0-9]+: error: .+/) != nil,
                    "every error has its file, line and column: \(error.description)")
            }
        }
    }
}
