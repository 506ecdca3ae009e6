/// ANSI styling for terminal output, or none. The CLI decides which from the environment
/// (`NO_COLOR`, whether stdout is a terminal); the library never inspects the terminal.
public struct TextStyle: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public static let plain = TextStyle(enabled: false)
    public static let ansi = TextStyle(enabled: true)

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    /// A color or weight a report can ask for by name.
    enum Tone {
        case plain, bold, dim, red, green, yellow, cyan
    }

    func paint(_ text: String, _ tone: Tone) -> String {
        switch tone {
        case .plain: text
        case .bold: bold(text)
        case .dim: dim(text)
        case .red: red(text)
        case .green: green(text)
        case .yellow: yellow(text)
        case .cyan: cyan(text)
        }
    }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: wrap("error", "1;31")
        case .warning: wrap("warning", "1;33")
        case .note: wrap("note", "1;36")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // Streaming: the same codes written around text the caller writes in between.

    /// Writes `tone`'s opening code; `end` closes it.
    func begin(_ tone: Tone, on stream: ByteStream) {
        guard enabled else { return }
        switch tone {
        case .plain: break
        case .bold: stream.write("\u{1B}[1m" as StaticString)
        case .dim: stream.write("\u{1B}[2m" as StaticString)
        case .red: stream.write("\u{1B}[31m" as StaticString)
        case .green: stream.write("\u{1B}[32m" as StaticString)
        case .yellow: stream.write("\u{1B}[33m" as StaticString)
        case .cyan: stream.write("\u{1B}[36m" as StaticString)
        }
    }

    func end(_ tone: Tone, on stream: ByteStream) {
        if enabled && tone != .plain { stream.write("\u{1B}[0m" as StaticString) }
    }

    /// `text` in `tone`, as terminal text.
    func write(_ text: String, _ tone: Tone, on stream: ByteStream) {
        begin(tone, on: stream)
        stream.write(text, .terminal)
        end(tone, on: stream)
    }

    func write(_ severity: Severity, on stream: ByteStream) {
        switch (severity, enabled) {
        case (.error, true): stream.write("\u{1B}[1;31merror\u{1B}[0m" as StaticString)
        case (.warning, true): stream.write("\u{1B}[1;33mwarning\u{1B}[0m" as StaticString)
        case (.note, true): stream.write("\u{1B}[1;36mnote\u{1B}[0m" as StaticString)
        case (.error, false): stream.write("error" as StaticString)
        case (.warning, false): stream.write("warning" as StaticString)
        case (.note, false): stream.write("note" as StaticString)
        }
    }
}

/// Counts in words: "1 error", "2 warnings".
package func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}
