import Foundation
import Testing

@testable import ScopeLint

@Suite("Shell quoting of suggested commands")
struct ShellQuoteTests {
    @Test("plain words stay as they are; anything a shell would read otherwise is single-quoted")
    func quoting() {
        #expect(Shell.quote("team/policies-2.json5") == "team/policies-2.json5")
        #expect(Shell.quote("--policy") == "--policy")
        #expect(Shell.quote("team dir") == "'team dir'")
        #expect(Shell.quote("") == "''")
        #expect(Shell.quote("it's") == #"'it'\''s'"#)
        #expect(Shell.quote("$HOME") == "'$HOME'")
        #expect(Shell.quote("a*b") == "'a*b'")
        #expect(Shell.quote("~/x") == "'~/x'")
        #expect(Shell.quote("é") == "'é'")
    }

    @Test(
        "what /bin/sh reads back is the word itself",
        arguments: ["team dir", "it's", "$(rm)", "a\\b", "'", "\"x\"", "é ü"])
    func roundTrip(_ word: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf %s " + Shell.quote(word)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == word)
    }

    @Test("a suggested command carries the flags and the policy files, each quoted")
    func command() {
        let context = CommandContext(
            flags: ["--config", "my config.json", "--policies", "team/"], policyFiles: ["own": "own policy.json5"])
        #expect(
            context.plan(["own", "read-only"])
                == "scopelint plan --config 'my config.json' --policies team/ --policy 'own policy.json5' --policy read-only"
        )
        #expect(
            context.command("lint", extra: ["-"], policies: [])
                == "scopelint lint - --config 'my config.json' --policies team/")
    }
}
