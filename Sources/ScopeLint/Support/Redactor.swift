/// Hides anything shaped like a credential before text that came from an input is echoed.
///
/// BigCommerce access tokens are about 31 lowercase alphanumerics and client secrets about
/// 64; scope parameters and UI names are words joined by `_` or spaces. A run of 20 or more
/// letters and digits that mixes both is treated as a secret and replaced.
package enum Redactor {
    package static let placeholder = "[redacted]"

    /// Longer input is cut when echoed: a message never carries megabytes of someone's file.
    package static let maximumEcho = 120

    package static func redact(_ text: String) -> String {
        // Printable ASCII no longer than the echo limit, with no run of 20 letters and digits,
        // comes back as it is (every account name of a fleet goes through here).
        if text.utf8.count <= maximumEcho {
            var run = 0
            var plain = true
            for byte in text.utf8 {
                guard byte >= 0x20 && byte < 0x7F else {
                    plain = false
                    break
                }
                let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                run = isAlphanumeric ? run + 1 : 0
                if run >= 20 {
                    plain = false
                    break
                }
            }
            if plain { return text }
        }
        // Control characters from an input would drive the user's terminal: show them escaped.
        if text.unicodeScalars.contains(where: isControl) {
            return redact(
                String(
                    text.unicodeScalars.map {
                        isControl($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0)
                    }.joined()))
        }
        guard text.utf8.count >= 20 else { return text }
        // Secrets first, then the cut: a cut first could leave half a token too short to be seen.
        let clean = redactingSecrets(text) ?? text
        if clean.count > maximumEcho { return String(clean.prefix(maximumEcho - 20)) + "…" }
        return clean
    }

    /// `text` with every secret-shaped run replaced, or nil when it has none.
    package static func redactingSecrets(_ text: String) -> String? {
        var length = 0
        // Most text has no run of 20 letters and digits at all: nothing is built for it.
        guard
            text.utf8.contains(where: { byte in
                let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                length = isAlphanumeric ? length + 1 : 0
                return length >= 20
            })
        else { return nil }
        var output = ""
        var run = ""
        func flush() {
            if looksSecret(run) { output += placeholder } else { output += run }
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) {
                run.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output == text ? nil : output
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func looksSecret(_ run: String) -> Bool {
        guard run.utf8.count >= 20 else { return false }
        let hasDigit = run.utf8.contains { $0 >= 48 && $0 <= 57 }
        let hasLetter = run.utf8.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
        return hasDigit && hasLetter
    }
}
