/// A word of free text, cut the one way the catalog (for its plural-folded names) and the text
/// reader (to find names and levels in a line) both cut words: a run of letters, digits and `_`,
/// also split where a lower-case letter meets an upper-case one (pages glue captions to cells:
/// "NoneAPI Account Scopes"), with `&` the word "and".
package struct TextWord: Sendable {
    /// The word's scalars in the text it was cut from.
    package var range: Range<String.Index>
    /// 1-based column of its first scalar.
    package var column: Int
    /// Lower-cased.
    package let key: String
    /// What separates it from the word before it (or from the start of the text).
    package var gap: Gap
    /// Starts with an upper-case letter, as pages write the control panel's labels.
    package var capitalized: Bool

    /// The key with a plural's final "s" dropped ("orders", "order"): a name's words are
    /// compared folded, so "Order transaction" is Order Transactions. Kept, not computed: the
    /// text reader looks a word up by it at every position a name may start.
    package let folded: String

    init(range: Range<String.Index>, column: Int, key: String, gap: Gap, capitalized: Bool) {
        self.range = range
        self.column = column
        self.key = key
        self.folded = Self.fold(key)
        self.gap = gap
        self.capitalized = capitalized
    }

    package static func fold(_ key: String) -> String {
        // ASCII without CR (the one pair of ASCII scalars that is one Character) has a Character
        // per byte: the plural is looked for and dropped byte by byte, as most keys allow.
        var bytes = key
        let folded: Int? = bytes.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let s = UInt8(ascii: "s")
            return utf8.count > 3 && utf8[utf8.count - 1] == s && utf8[utf8.count - 2] != s
                ? utf8.count - 1 : utf8.count
        }
        guard let folded else {
            return key.utf8.count > 3 && key.hasSuffix("s") && !key.hasSuffix("ss") ? String(key.dropLast()) : key
        }
        return folded == key.utf8.count ? key : String(key[..<key.utf8.index(before: key.endIndex)])
    }

    /// The text between two words, as far as reading grants cares.
    package struct Gap: OptionSet, Sendable {
        package let rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Only spaces, hyphens and en dashes: a name or level may go on across it
        /// ("Read-only", "Payments - Create payments").
        package static let joins = Gap(rawValue: 1)
        /// A separator people put between a scope and its level: `:` `=` `|` `>` (so `->`,
        /// `=>`), an arrow, a dash with a space beside it, `--`, a tab.
        package static let separator = Gap(rawValue: 2)
        /// The end of a sentence or clause (`. ` `;` `!` `?`): no scope is paired across it.
        package static let sentence = Gap(rawValue: 4)
        /// A comma or slash: what joins the names of a list ("Orders, Customers: modify").
        package static let list = Gap(rawValue: 8)
    }

    /// The words of `text`, whose first scalar is at `column`; linear in the text.
    package static func words(in text: Substring, column: Int = 1) -> [TextWord] {
        var words: [TextWord] = []
        words.reserveCapacity(8)
        // UTF-8 byte by byte over the text's own buffer, decoding a scalar only where a byte is
        // not ASCII: pasted text is mostly ASCII, and asking for Unicode properties, or stepping
        // a Substring's index, is what cost the time.
        var body = text
        body.withUTF8 { bytes in
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(text.startIndex, offsetBy: offset) }
            var column = column
            var start: Int?
            var startColumn = column
            var first: Unicode.Scalar = " "
            var ascii = true
            var gap = GapScanner()
            var previous: Unicode.Scalar = " "
            func finish(_ end: Int) {
                guard let begin = start else { return }
                let key: String
                if ascii {
                    key = String(unsafeUninitializedCapacity: end - begin) { buffer in
                        for offset in begin..<end {
                            let byte = bytes[offset]
                            buffer[offset - begin] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        }
                        return end - begin
                    }
                } else {
                    key = String(String.UnicodeScalarView(text.unicodeScalars[index(begin)..<index(end)])).lowercased()
                }
                words.append(
                    TextWord(
                        range: index(begin)..<index(end), column: startColumn, key: key, gap: gap.gap,
                        capitalized: isUppercase(first)))
                gap = GapScanner()
                start = nil
            }
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                let (scalar, length) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : decode(bytes, at: offset)
                if scalar == "&" {
                    finish(offset)
                    words.append(
                        TextWord(
                            range: index(offset)..<index(offset + length), column: column, key: "and", gap: gap.gap,
                            capitalized: false))
                    gap = GapScanner()
                } else if isWordScalar(scalar) {
                    if start != nil, isUppercase(scalar), isLowercase(previous) { finish(offset) }
                    if start == nil {
                        start = offset
                        startColumn = column
                        first = scalar
                        ascii = true
                    }
                    ascii = ascii && byte < 0x80
                } else {
                    finish(offset)
                    gap.add(scalar)
                }
                previous = scalar
                column += 1
                offset += length
            }
            finish(bytes.count)
        }
        return words
    }

    /// The scalar whose bytes start at `offset` (not ASCII) and how many bytes it has; the
    /// bytes are a String's, so valid UTF-8.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> length)
        for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // ASCII by comparison; other scalars by their Unicode properties.
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // `_` keeps an OAuth parameter (store_v2_orders_read_only) one word, not prose.
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_"
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    /// Classifies a gap scalar by scalar, remembering only what the next one needs.
    private struct GapScanner {
        var gap: Gap = .joins
        var hyphens = 0
        var spaced = false
        /// How many periods the gap ends with: one then a space ends a sentence; dot
        /// leaders ("Orders ..... Modify") and ellipses do not.
        var periods = 0

        mutating func add(_ scalar: Unicode.Scalar) {
            let space = scalar == " " || scalar == "\u{A0}"
            switch scalar {
            case " ", "\u{A0}": break
            case "-", "–":
                hyphens += 1
            case ":", "=", "|", ">", "\t", "→", "⇒", "➔", "➜", "⟶", "—", "―":
                gap.insert(.separator)
                gap.remove(.joins)
            case ",", "/":
                gap.insert(.list)
                gap.remove(.joins)
            case ";", "!", "?":
                gap.insert(.sentence)
                gap.remove(.joins)
            default:
                gap.remove(.joins)
            }
            if space && periods == 1 { gap.insert(.sentence) }
            periods = scalar == "." ? periods + 1 : 0
            spaced = spaced || space
            if hyphens >= 2 || (hyphens > 0 && spaced) { gap.insert(.separator) }
        }
    }
}
