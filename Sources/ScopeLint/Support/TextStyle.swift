/// ANSI styling for terminal output, or none. The CLI decides which from the environment
/// (`NO_COLOR`, whether stdout is a terminal); the library never inspects the terminal.
public struct TextStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public static let plain = TextStyle(enabled: false)
    public static let ansi = TextStyle(enabled: true)

    /// A color or weight a report can ask for by name.
    enum Tone {
        case plain, bold, dim, red, green, yellow, cyan
        /// How a severity is shown.
        case error, warning, note

        /// The ANSI code; nil for plain.
        var code: StaticString? {
            switch self {
            case .plain: nil
            case .bold: "\u{1B}[1m"
            case .dim: "\u{1B}[2m"
            case .red: "\u{1B}[31m"
            case .green: "\u{1B}[32m"
            case .yellow: "\u{1B}[33m"
            case .cyan: "\u{1B}[36m"
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;33m"
            case .note: "\u{1B}[1;36m"
            }
        }

        init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .note: self = .note
            }
        }
    }

    /// Writes `tone`'s opening code; `end` closes it.
    func begin(_ tone: Tone, on stream: ByteStream) {
        if enabled, let code = tone.code { stream.write(code) }
    }

    func end(_ tone: Tone, on stream: ByteStream) {
        if enabled && tone.code != nil { stream.write("\u{1B}[0m" as StaticString) }
    }

    /// `text` in `tone`, as terminal text (its interpolated data escaped).
    func write(_ text: StreamText, _ tone: Tone, on stream: ByteStream) {
        begin(tone, on: stream)
        stream.write(text)
        end(tone, on: stream)
    }

    func write(_ severity: Severity, on stream: ByteStream) {
        write("\(own: severity.rawValue)", Tone(severity), on: stream)
    }
}

/// Counts in words: "1 error", "2 warnings".
package func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}
