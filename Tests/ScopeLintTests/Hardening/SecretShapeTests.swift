import Foundation
import Testing

@testable import ScopeLint
@testable import ScopeLintCLI

/// A credential pasted where a name or a scope belongs is redacted where it is read, so no
/// output, baseline or converted export carries it, and it is reported.
@Suite("Token-shaped values")
struct SecretShapeTests {
    static let token = "0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5"  // 31 lowercase letters and digits
    static let secret = String(repeating: "9f8e7d6c", count: 8)  // 64 hex
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"

    static var export: String {
        """
        { store_hash: "\(secret)", name: "Shop \(jwt)",
          accounts: [{ name: "App \(token)", scopes: { Orders: "read-only", "x\(token)": "modify" } }] }
        """
    }

    /// Every output a run writes: each format, a baseline and a converted export.
    @Test("no format, baseline or converted export carries a token-shaped name, hash, key or level")
    func everywhere() throws {
        let (folder, path) = try TestSupport.writeScratchFile(Array(Self.export.utf8), name: "e.json5", label: "shape")
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [String] = []
        for format in ["text", "json", "sarif", "junit", "github", "markdown"] {
            let result = runCLI(["lint", path, "--format", format])
            #expect(result.code == 1, "\(format): \(result.err)")
            outputs.append(result.out + result.err)
        }
        let baseline = folder.appendingPathComponent("baseline.json").path
        _ = runCLI(["lint", path, "--write-baseline", baseline])
        outputs.append(try String(contentsOfFile: baseline, encoding: .utf8))
        let converted = runCLI(["convert", path])
        #expect(converted.code == 0, "\(converted.err)")
        outputs.append(converted.out + converted.err)
        outputs.append(runCLI(["diff", path, "--all"]).out)
        for output in outputs {
            for value in [Self.token, Self.secret, "dozjgNryP4J3jVmNHl0w5N"] {
                #expect(!output.contains(value), "\(output)")
            }
        }
        let text = runCLI(["lint", path]).out
        for key in ["store_hash", "store name", "account name", "scope key"] {
            #expect(text.contains("token-shaped value is stored under '\(key)'"), "\(text)")
        }
    }

    @Test("a long echo is redacted before it is cut, so no half of a token shows")
    func redactBeforeCutting() {
        for offset in stride(from: 60, through: 120, by: 3) {
            let text = String(repeating: "x ", count: offset / 2) + Self.token + " tail"
            let echoed = Redactor.redact(text)
            for start in 0...(Self.token.count - 8) {
                let piece = Self.token.dropFirst(start).prefix(8)
                #expect(!echoed.contains(piece), "offset \(offset): \(echoed)")
            }
        }
    }

    @Test("convert refuses a level lint refuses")
    func convertLevels() throws {
        let result = runCLI(["convert", "-"], standardInput: Array("Products: Modfy\n".utf8))
        #expect(result.code == 2)
        #expect(result.err.contains("Products has no level 'Modfy'"), "\(result.err)")
        #expect(result.out.isEmpty)
    }
}

@Suite("Credentials in every input shape")
struct CredentialShapeTests {
    static let token = "0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5"

    @Test(
        "each is reported as secret-in-export and its value never printed",
        arguments: [
            (
                "fragment", "https://app.example/auth#access_token=\(token)&scope=store_v2_orders&context=stores/abc",
                "access_token"
            ),
            (
                "client_secret", "code=x1&client_secret=\(token)&scope=store_v2_orders&context=stores/abc",
                "client_secret"
            ),
            ("mixed case", "Access_Token=\(token)&scope=store_v2_orders&context=stores/abc", "Access_Token"),
            (
                "JSON refresh token", "{\"scope\": \"store_v2_orders\", \"Refresh_Token\": \"\(token)\"}",
                "Refresh_Token"
            ),
            ("CSV API Key", "Scope,Level,API Key\nOrders,read-only,\(token)\n", "API Key"),
            ("CSV Auth Token", "Scope,Level,Auth Token\nOrders,read-only,\(token)\n", "Auth Token"),
            ("text access_token=", "Orders: read-only\nhttps://api.example/x?Access_Token=\(token)\n", "Access_Token"),
            ("text X-Auth-Token", "Orders: read-only\nX-Auth-Token: \(token)\n", "X-Auth-Token"),
            // One table of credential keys serves every shape: what one reports, none keeps.
            ("text API Key", "Orders: read-only\nAPI Key: \(token)\n", "API Key"),
            ("CSV X-Auth-Token", "Scope,Level,X-Auth-Token\nOrders,read-only,\(token)\n", "X-Auth-Token"),
            (
                "export api_key",
                #"{"format": "scopelint-export/1", "stores": [{"store_hash": "abc", "accounts": [{"name": "A", "scopes": {"Orders": "read-only"}, "api_key": "\#(token)"}]}]}"#,
                "api_key"
            ),
            (
                "JSON token response Password",
                "{\"scope\": \"store_v2_orders\", \"context\": \"stores/abc\", \"Password\": \"\(token)\"}", "Password"
            ),
        ])
    func reported(_ name: String, _ input: String, _ key: String) {
        let result = lintStandardInput(Array(input.utf8))
        #expect(result.out.contains("stored under '\(key)'"), "\(name): \(result.out)\(result.err)")
        #expect(!(result.out + result.err).contains(Self.token), "\(name)")
    }
}
