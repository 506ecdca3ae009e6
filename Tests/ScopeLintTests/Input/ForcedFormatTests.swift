import Testing

@testable import ScopeLint

@Suite("A forced --from that does not fit the input is an error")
struct ForcedFormatTests {
    static let export = "// notes\n{\n  \"stores\": [{ \"store_hash\": \"a\", \"accounts\": [] }]\n}\n"
    static let token = #"{"user": {"id": 1}, "scope": "store_v2_orders modify", "context": "stores/a"}"#

    @Test(
        "each forced shape names what it expected and what the input is",
        arguments: [
            (export, "text", "2:1", "this input is a scopelint export (JSON): use --from export"),
            (export, "scope-string", "2:1", "--from export"),
            (export, "csv", "2:1", "--from export"),
            (export, "credentials", "2:1", "--from export"),
            // An export whose first key is not one only exports have is still named.
            (#"{"notes": "x", "stores": []}"#, "text", "1:1", "a scopelint export"),
            (token, "text", "1:1", "an OAuth token response (JSON): use --from token-response"),
            ("  \n  [\"store_v2_orders\"]", "scope-string", "2:3", "a JSON array"),
            (#"{"orders": "modify"}"#, "text", "1:1", "a JSON object"),
            (export, "token-response", "2:1", "this is a scopelint export: use --from export"),
            (#"["store_v2_orders"]"#, "token-response", "1:1", "an object with \"scope\", found an array"),
            ("Orders: modify\n", "csv", "1:1", "or an account column and one column per scope"),
            ("Orders: modify\n", "token-response", "1:1", "scope= on every line"),
            ("Orders: modify\n", "credentials", "1:1", "expected the credentials file"),
        ])
    func mismatch(_ text: String, _ from: String, _ at: String, _ phrase: String) throws {
        let error = try #require(captureInvalid { try readInput(text, from: from) })
        #expect(error.printed.hasPrefix("in:\(at): error: expected"), "\(error.printed)")
        #expect(error.message.contains(phrase), "\(error.message)")
    }

    @Test("the text reader's own name is in the message, so the user knows which --from was wrong")
    func namesTheForcedShape() throws {
        let error = try #require(captureInvalid { try readInput(Self.export, from: "text") })
        #expect(error.message.hasPrefix("expected \(TextListReader.summary) (--from text)"))
    }

    @Test("what is not JSON is left to the forced reader", arguments: ["[Orders]: modify", "{Orders}: modify"])
    func notJSON(_ text: String) throws {
        #expect(try readInput(text, from: "text").stores.count == 1)
    }
}
