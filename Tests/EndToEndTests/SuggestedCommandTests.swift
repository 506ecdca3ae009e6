import Foundation
import Testing

/// Every command a fixture's expected output tells the user to run, run as printed from the
/// repository root with the real binary: it must run (exit 0 or 1), not fail to (exit 2).
/// Commands are found in backticks (text and Markdown reports), in single quotes ("See
/// 'scopelint lint --help'"), on a line of their own (plan's last step, also in JSON's steps)
/// and after "Ctrl-D." in plan's JSON steps. Help's `<subcommand>` becomes the first
/// subcommand the same help lists.
@Suite("Every suggested command runs")
struct SuggestedCommandTests {
    /// A command and the cases whose output suggests it.
    struct Suggestion: CustomTestStringConvertible, Sendable {
        var command: String
        var cases: [String]
        var testDescription: String { command }
    }

    static let patterns = [
        #"`(scopelint [^`\n]+)`"#, #"'(scopelint [^'\n]+)'"#, #"(?m)^[ ]+(scopelint [^\n]+)$"#,
        #"Ctrl-D\. (scopelint [^"\n]+)""#,
        // Named in prose: "scopelint scopes lists ...", "(scopelint policies list)".
        #"(?<!`)(scopelint (?:policies list|scopes|explain))(?= lists| shows|\)|\.)"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static var suggestions: [Suggestion] {
        var found: [String: [String]] = [:]
        for fixture in FixtureCase.all {
            for name in ["expected.stdout", "expected.stderr"] {
                guard let text = fixture.text(name) else { continue }
                for pattern in patterns {
                    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                        var command = (text as NSString).substring(with: match.range(at: 1))
                        // Help's "See 'scopelint help X <subcommand>'": run with the first it lists.
                        if command.contains("<subcommand>"),
                            let first = text.components(separatedBy: "SUBCOMMANDS:\n  ").dropFirst().first?
                                .split(separator: " ").first
                        {
                            command = command.replacingOccurrences(of: "<subcommand>", with: String(first))
                        }
                        found[command, default: []].append(fixture.name)
                    }
                }
            }
        }
        return found.keys.sorted().map { Suggestion(command: $0, cases: found[$0]!) }
    }

    @Test("the fixtures suggest commands to test")
    func someSuggestions() {
        let commands = Self.suggestions.map(\.command)
        #expect(commands.contains { $0.hasPrefix("scopelint plan --policies ") })
        #expect(commands.contains { $0.hasPrefix("scopelint lint - ") })
        #expect(commands.contains { $0.contains("'Fixtures/policies/team dir'") })
    }

    @Test(arguments: suggestions)
    func runs(_ suggestion: Suggestion) throws {
        let words = try #require(shellWords(suggestion.command), "\(suggestion.command) does not parse")
        #expect(words.first == "scopelint")
        // A command that reads standard input is given a pasted scope list, as the user would.
        let pasted = FixtureCase.packageRoot.appendingPathComponent("Fixtures/inputs/stone-edge-guide.txt")
        let stdin = words.contains("-") ? (try Data(contentsOf: pasted)) : Data()
        let result = try Executable.run(Array(words.dropFirst()), stdin: stdin)
        #expect(
            result.status == 0 || result.status == 1,
            "\(suggestion.command) (suggested by \(suggestion.cases.joined(separator: ", "))) exited \(result.status): \(result.stderr)"
        )
        #expect(!result.stderr.contains("no policy has the id"))
    }

    /// Splits a POSIX shell command line of plain words and single-quoted ones, as the
    /// commands scopelint prints are; nil for anything else (a pipe, a variable).
    func shellWords(_ line: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        for character in line {
            if quoted {
                if character == "'" { quoted = false } else { current.append(character) }
            } else if character == "'" {
                quoted = true
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else if "\\\"$`|&;<>(){}*?[]~#".contains(character) {
                return nil
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quoted { return nil }
        if inWord { words.append(current) }
        return words
    }
}
