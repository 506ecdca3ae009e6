import Foundation
import Testing

@testable import ScopeLint

@Suite("Usage: access logs")
struct AccessLogTests {
    @Test func readsTheApacheAndNginxExamples() throws {
        let read = try Usage.read(file: Usage.fixture("real/apache-and-nginx.log"))
        #expect(read.format == .accessLog)
        let file = Usage.fixture("real/apache-and-nginx.log")
        #expect(
            read.records == [
                .call(APICall(method: "GET", host: nil, path: "/apache_pb.gif", location: at(file, 1, 49))),
                .call(APICall(method: "GET", host: nil, path: "/apache_pb.gif", location: at(file, 2, 49))),
                .call(APICall(method: "GET", host: nil, path: "/page1.html", location: at(file, 3, 48))),
                .unreadable(
                    at(file, 4, 46), what: "a request field that is not an HTTP request line (binary bytes?)"),
                .unreadable(at(file, 5, 46), what: "a request field of - (the server logged no request line)"),
                .call(APICall(method: "CONNECT", host: "api.bigcommerce.com", path: "/", location: at(file, 6, 44))),
            ])
    }

    private func at(_ file: String, _ line: Int, _ column: Int) -> ScopeLint.SourceLocation {
        SourceLocation(file: file, position: TextPosition(line: line, column: column))
    }

    @Test func proxyLogsNameTheHost() throws {
        let read = try Usage.read(
            """
            10.0.0.5 - - [29/Nov/2026:09:12:03 +0000] "GET http://cdn11.bigcommerce.com/s-abc/images/1.jpg HTTP/1.1" 200 9 "-" "-"
            10.0.0.5 - - [29/Nov/2026:09:12:03 +0000] "get https://Api.BigCommerce.com/stores/abc/v3/catalog/brands?page=2#top HTTP/2.0" 200 9
            www.example.com:443 10.0.0.5 - - [29/Nov/2026:09:12:03 +0000] "DELETE /stores/abc/v3/hooks/5 HTTP/1.1" 204 -
            """)
        #expect(
            read.shapes == [
                "GET cdn11.bigcommerce.com /s-abc/images/1.jpg",
                "GET api.bigcommerce.com /stores/abc/v3/catalog/brands",
                "DELETE API /stores/abc/v3/hooks/5",
            ])
    }

    @Test func escapesInsideQuotedFieldsAreHandled() throws {
        // An escaped quote in the request and in the user agent does not end the field early;
        // bytes that are not UTF-8 in the user agent are never decoded.
        let bytes =
            Array(
                #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET /v3/catalog/products?q=\"a\" HTTP/1.1" 200 1 "-" "x\"y "#
                    .utf8)
            + [0xC3, 0x28, 0xFF] + Array("\"\n".utf8)
        let read = try Usage.read(bytes: bytes)
        #expect(read.shapes == ["GET API /v3/catalog/products"])
    }

    @Test func requestsThatCannotBeReadAreRecordsNotErrors() throws {
        let prefix = #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] ""#
        let cases: [(String, String)] = [
            (#"GET""#, "a request line without a method, a target and a protocol"),
            (#"GET /a /b HTTP/1.1""#, "a request line without a method, a target and a protocol"),
            (#"GET /a FTP/1.0""#, "a request line without a method, a target and a protocol"),
            (#"GET v3/orders HTTP/1.1""#, "a request target that is neither a path nor an http(s) URL in UTF-8"),
            (#"OPTIONS * HTTP/1.1""#, "a request target that is neither a path nor an http(s) URL in UTF-8"),
            (#"CONNECT :443 HTTP/1.1""#, "a CONNECT request whose target is not host:port"),
            (#"\x00\x01 / HTTP/1.1""#, "a request field that is not an HTTP request line (binary bytes?)"),
            (#"""#, "a request field that is not an HTTP request line (binary bytes?)"),
        ]
        for (request, what) in cases {
            let read = try Usage.read(prefix + request + " 400 0\n")
            #expect(
                read.records == [
                    .unreadable(
                        ScopeLint.SourceLocation(file: "<stdin>", position: .init(line: 1, column: 43)), what: what)
                ])
        }
        // A target whose bytes are not UTF-8, escaped as nginx writes it.
        let read = try Usage.read(prefix + #"GET /v3/\xFF\xFE HTTP/1.1" 400 0"# + "\n")
        #expect(read.records.count == 1)
        guard case .unreadable = read.records.first else {
            Issue.record("expected an unreadable record")
            return
        }
    }

    @Test func aLineThatIsNotALogLineIsALocatedError() {
        let good = #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 1"# + "\n"
        #expect(
            Usage.error(good + "something else entirely\n")
                == "<stdin>:2:1: error: \(AccessLogReader.expectedLine)")
        #expect(
            Usage.error(good + #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000 "GET / HTTP/1.1" 200 1"# + "\n")
                == "<stdin>:2:13: error: expected the date to end with ]")
        #expect(
            Usage.error(good + #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] GET / HTTP/1.1 200 1"# + "\n")
                == "<stdin>:2:41: error: expected the quoted request (\"GET /path HTTP/1.1\") after the date")
        #expect(
            Usage.error(good + #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1"#)
                == "<stdin>:2:42: error: expected the request to end with a quote")
        #expect(
            Usage.error(good + #"1.2.3.4 - - [29/Nov/2026:09:00:00 +0000] "GET / HTTP/1.1" OK 1"#)
                == "<stdin>:2:59: error: expected the status code after the request")
    }
}
