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

    public var description: String { "\(file):\(position.line):\(position.column)" }
}
