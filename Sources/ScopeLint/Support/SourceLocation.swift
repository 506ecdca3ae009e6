/// A 1-based line and column inside one input text. Columns count Unicode scalars.
public struct TextPosition: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// The position of a whole file, for findings that have nothing narrower to point at.
    public static let start = TextPosition(line: 1, column: 1)
}

/// A position in a named file, as findings and errors print it (`file:line:column`).
public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var position: TextPosition

    public init(file: String, position: TextPosition) {
        self.file = file
        self.position = position
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    public var description: String { Self.describe(file, position) }

    /// The name a bundled policy's text goes by where a file name would: it is in no file the
    /// user has, so errors must not print `Policies/...` as if it were. It starts with a NUL,
    /// which no path can hold, so no user file is ever taken for a bundled policy.
    package static func bundledPolicy(_ id: String) -> String { bundledMark + id }

    /// The bundled policy's id when `file` names one.
    package static func bundledPolicyID(_ file: String) -> String? {
        file.hasPrefix(bundledMark) ? String(file.dropFirst(bundledMark.count)) : nil
    }

    private static let bundledMark = "\u{0}bundled:"

    /// How every error and finding names a place: `file:line:column` (what editors and CI
    /// logs link), or `bundled policy stone-edge, line 13, column 5` for a bundled policy.
    package static func describe(_ file: String, _ position: TextPosition?) -> String {
        if let id = bundledPolicyID(file) {
            guard let position else { return "bundled policy \(id)" }
            return "bundled policy \(id), line \(position.line), column \(position.column)"
        }
        guard let position else { return file }
        return "\(file):\(position.line):\(position.column)"
    }
}
