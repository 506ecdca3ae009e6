import Foundation

/// The commands scopelint prints for the user to run, written so they run as printed from the
/// folder the user ran scopelint in: each carries the flags that found its policies, and every
/// word is quoted for a POSIX shell when it needs to be.
package struct CommandContext: Sendable, Equatable {
    /// Words every suggested command takes after its subcommand: `--config FILE` when one was
    /// named, each `--policies DIR`, unquoted.
    package var flags: [String] = []
    /// The policy files given as `--policy FILE`, by the id they declare: a suggestion names the
    /// file, since the id alone is found nowhere.
    package var policyFiles: [String: String] = [:]

    package init(flags: [String] = [], policyFiles: [String: String] = [:]) {
        self.flags = flags
        self.policyFiles = policyFiles
    }

    /// `scopelint SUBCOMMAND FLAGS... --policy P...` then `extra`, one line, quoted.
    package func command(_ subcommand: String, extra: [String] = [], policies: [String]) -> String {
        var words = ["scopelint", subcommand] + extra + flags
        for id in policies { words += ["--policy", policyFiles[id] ?? id] }
        return words.map(Shell.quote).joined(separator: " ")
    }

    /// `scopelint plan ... --policy P...`: the checklist for a replacement account.
    package func plan(_ policies: [String]) -> String { command("plan", policies: policies) }
}

package enum Shell {
    /// `word` as one POSIX shell word: as it is when every character is one a shell leaves
    /// alone, else in single quotes (a quote inside written `'\''`). Empty is `''`.
    package static func quote(_ word: String) -> String {
        if !word.isEmpty, word.utf8.allSatisfy(isPlain) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Letters, digits and `@%+=:,./-_`: nothing a shell expands, splits or globs.
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return "@%+=:,./-_".utf8.contains(byte)
        }
    }
}
