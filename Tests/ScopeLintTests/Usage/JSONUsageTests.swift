import Foundation
import Testing

@testable import ScopeLint

@Suite("Usage: HAR files and Postman collections")
struct JSONUsageTests {
    @Test func readsRealBrowserHARs() throws {
        let chrome = try Usage.read(file: Usage.fixture("real/chrome-postdata.har"))
        #expect(chrome.format == .har)
        #expect(chrome.shapes == ["POST bi.pst.tech /events"])
        let firefox = try Usage.read(file: Usage.fixture("real/firefox.har"))
        #expect(firefox.shapes == ["GET mitmproxy.org /"])
        // The location is the request's url value.
        let text = try String(contentsOfFile: Usage.fixture("real/firefox.har"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(#""url": "https://mitmproxy.org/""#) })
        let column = try #require(lines[line].range(of: #""https"#)).lowerBound
        #expect(
            firefox.calls.first?.location.position
                == TextPosition(
                    line: line + 1, column: lines[line].distance(from: lines[line].startIndex, to: column) + 1))
    }

    @Test func readsARealBigCommercePostmanCollection() throws {
        let read = try Usage.read(file: Usage.fixture("real/bigcommerce-api.postman_collection.json"))
        #expect(read.format == .postman)
        // Its variables are empty placeholders (an environment fills them): left as written.
        let base = "GET api.bigcommerce.com /stores/{{bigcommerce_store_hash}}"
        #expect(
            read.shapes == [
                "\(base)/v2/store", "\(base)/v3/catalog/products",
                "\(base)/v3/catalog/products/{{bigcommerce_product_id}}",
                "\(base)/v3/catalog/products/{{bigcommerce_product_id}}/variants", "\(base)/v3/catalog/categories",
            ])
    }

    @Test func harShapesThatAreWrongAreLocatedErrors() {
        #expect(
            Usage.error(#"{"log": {"version": "1.2"}}"#)
                == "<stdin>:1:9: error: expected log.entries, the HAR's requests; log has no 'entries'")
        #expect(
            Usage.error(#"{"log": {"entries": {}}}"#)
                == "<stdin>:1:21: error: expected log.entries to be an array, found an object")
        #expect(
            Usage.error(#"{"log": {"entries": [{"request": {"method": "GET"}}]}}"#)
                == "<stdin>:1:34: error: expected the request's url; the request has no 'url'")
        #expect(
            Usage.error(#"{"log": {"entries": [{"request": {"method": "GET", "url": 7}}]}}"#)
                == "<stdin>:1:59: error: expected request.url to be a string")
        #expect(
            Usage.error(#"{"log": {"entries": [{"request": {"method": "GET", "url": "/a", "url": "/b"}}]}}"#)
                == "<stdin>:1:65: error: the request has 'url' twice; tools disagree on which one counts")
        #expect(
            Usage.error(#"{"info": {}, "item": []}"#, from: .har)
                == "<stdin>:1:1: error: expected a HAR file (--from har); this input is a Postman collection: use --from postman, or drop --from"
        )
        #expect(Usage.error(#"{"log": []}"#) == "<stdin>:1:9: error: expected log to be an object, found an array")
    }

    @Test func jsonIsReadWholeUnderTheInputLimit() throws {
        let har = #"{"log": {"entries": [{"request": {"method": "GET", "url": "https://api.bigcommerce.com/v3/x"}}]}}"#
        let path = Usage.temporaryFile(Array(har.utf8), suffix: ".har")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            try Usage.read(file: path, limits: Limits(inputSize: 200), chunkSize: 7).shapes == [
                "GET api.bigcommerce.com /v3/x"
            ])
        #expect(
            throws: ScopeLintError.invalid(
                file: path, position: .start,
                message:
                    "the JSON input is larger than 60 bytes, the most scopelint reads whole; a HAR file or collection that large is not one session's calls"
            )
        ) { try Usage.read(file: path, limits: Limits(inputSize: 60), chunkSize: 7) }
    }

    @Test func harRequestsThatAreNotHTTPAreRecords() throws {
        let read = try Usage.read(
            #"{"log": {"entries": [{"request": {"method": "GET", "url": "data:image/png;base64,AAAA"}}, {"request": {"method": "G T", "url": "https://a.example/"}}, {"request": {"method": "GET", "url": "wss://a.example/socket?t=1"}}]}}"#
        )
        #expect(read.records.count == 3)
        #expect(read.shapes == ["GET a.example /socket"])
    }

    @Test func postmanFoldersRequestsAndVariables() throws {
        let collection = #"""
            {"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "variable": [{"key": "base_url", "value": "https://api.bigcommerce.com/stores/{{store_hash}}"},
                          {"key": "store_hash", "value": "abc123"}, {"key": "off", "value": "x", "disabled": true}],
             "item": [
               {"name": "a string request", "request": "{{base_url}}/v3/catalog/brands"},
               {"name": "folder", "item": [{"name": "deeper", "item": [
                 {"request": {"url": {"raw": "{{base_url}}/v3/catalog/products/:product_id?include=variants"}}},
                 {"request": {"method": "put", "url": {"protocol": "https", "host": ["api", "bigcommerce", "com"],
                   "path": ["stores", "{{store_hash}}", "v2", "orders", {"type": "string", "value": "{{order_id}}"}]}}}
               ]}]},
               {"request": {"method": "GET", "url": "{{unknown_host}}/v3/customers"}},
               {"request": {"method": "GET", "url": "https://{{off}}/v3/customers"}},
               {"request": {"method": "GET", "url": "api.bigcommerce.com/stores/abc123/v3/orders"}}
             ]}
            """#
        let read = try Usage.read(collection)
        #expect(read.format == .postman)
        #expect(
            read.shapes == [
                "GET api.bigcommerce.com /stores/abc123/v3/catalog/brands",
                "GET api.bigcommerce.com /stores/abc123/v3/catalog/products/:product_id",
                "PUT api.bigcommerce.com /stores/abc123/v2/orders/{{order_id}}",
                "GET API /v3/customers", "GET API /v3/customers", "GET api.bigcommerce.com /stores/abc123/v3/orders",
            ])
        #expect(read.calls.map(\.location.position.line) == [5, 7, 8, 11, 12, 13])
    }

    @Test func postmanV20ReadsTheSame() throws {
        let read = try Usage.read(
            #"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}, "variable": [{"id": "host", "value": "api.bigcommerce.com"}], "item": [{"request": {"method": "DELETE", "url": "https://{{host}}/stores/a/v3/hooks/9"}}]}"#
        )
        #expect(read.shapes == ["DELETE api.bigcommerce.com /stores/a/v3/hooks/9"])
    }

    @Test func postmanShapesThatAreWrongAreLocatedErrors() {
        let v21 = #""schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json""#
        #expect(
            Usage.error(
                #"{"info": {"schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}, "item": []}"#
            )
                == "<stdin>:1:21: error: expected a Postman collection v2.1 (info.schema .../collection/v2.1.0/collection.json); export the collection as v2.1"
        )
        #expect(
            Usage.error(#"{"info": {\#(v21)}, "item": [{"name": "x"}]}"#)
                == "<stdin>:1:103: error: expected a request or a folder (item) in each item; the item has no 'request'"
        )
        #expect(
            Usage.error(#"{"info": {\#(v21)}, "item": [{"request": {"method": "GET"}}]}"#)
                == "<stdin>:1:115: error: expected the request's url; the request has no 'url'")
        #expect(
            Usage.error(#"{"info": {\#(v21)}, "item": {}}"#)
                == "<stdin>:1:102: error: expected item to be an array of requests and folders")
        // Variables that expand without end stop at the string limit.
        let loop =
            #"{"info": {\#(v21)}, "variable": [{"key": "a", "value": "{{a}}{{a}}"}], "item": [{"request": "{{a}}"}]}"#
        #expect(
            Usage.error(loop, limits: Limits(stringLength: 100))?.contains("its variables expand past 100 bytes")
                == true)
    }
}
