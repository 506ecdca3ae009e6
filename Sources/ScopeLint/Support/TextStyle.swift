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
}

/// Counts in words: "1 error", "2 warnings".
func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}
