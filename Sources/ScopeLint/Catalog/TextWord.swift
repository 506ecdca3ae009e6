/// A word of free text, cut the one way the catalog (for its plural-folded names) and the text
/// reader (to find names and levels in a line) both cut words: a run of letters, digits and `_`,
/// also split where a lower-case letter meets an upper-case one (pages glue captions to cells:
/// "NoneAPI Account Scopes"), with `&` the word "and".
package struct TextWord: Sendable {
    /// The word's bytes in the text it was cut from, as offsets from its start.
    package var range: Range<Int>
    /// 1-based column of its first scalar.
    package var column: Int
    /// What separates it from the word before it (or from the start of the text).
    package var gap: Gap
    /// Starts with an upper-case letter, as pages write the control panel's labels.
    package var capitalized: Bool
    /// The key (the word lower-cased, `&` as "and") as a number of the `PhraseWords` it was cut
    /// with, -1 when they do not hold it: the text reader compares numbers at every position a
    /// name or level may start, where a `String` per word and a hash of it cost a third of its
    /// time. `key(in:)` is the text.
    package let keyWord: Int32
    /// The key with a plural's final "s" dropped ("orders", "order"), numbered the same way: a
    /// name's words are compared folded, so "Order transaction" is Order Transactions.
    package let foldedWord: Int32

    /// The key: the word lower-cased, `&` the word "and". `text` is what the word was cut from.
    package func key(in text: Substring) -> String {
        let scalars = text.unicodeScalars[indices(in: text)]
        if scalars.first == "&" { return "and" }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    /// The word's place in `text` as indices.
    package func indices(in text: Substring) -> Range<String.Index> {
        let utf8 = text.utf8
        return utf8.index(
            text.startIndex, offsetBy: range.lowerBound)..<utf8.index(
                text.startIndex, offsetBy: range.upperBound)
    }

    /// The key with a plural's final "s" dropped.
    package func folded(in text: Substring) -> String { Self.fold(key(in: text)) }

    package static func fold(_ key: String) -> String {
        // ASCII without CR (the one pair of ASCII scalars that is one Character) has a Character
        // per byte: the plural is looked for and dropped byte by byte, as most keys allow.
        var bytes = key
        let folded: Int? = bytes.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return utf8.count - foldedSuffix(utf8, 0..<utf8.count, lowered: false)
        }
        guard let folded else {
            return key.utf8.count > 3 && key.hasSuffix("s") && !key.hasSuffix("ss") ? String(key.dropLast()) : key
        }
        return folded == key.utf8.count ? key : String(key[..<key.utf8.index(before: key.endIndex)])
    }

    /// How many bytes folding drops from the end of an ASCII key (1 or 0); with `lowered`, the
    /// bytes are the word as written, lowered as they are compared.
    private static func foldedSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowered: Bool)
        -> Int
    {
        guard range.count > 3 else { return 0 }
        let (last, before) = (bytes[range.upperBound - 1], bytes[range.upperBound - 2])
        let s = UInt8(ascii: "s")
        return (lowered ? last | 0x20 : last) == s && (lowered ? before | 0x20 : before) != s ? 1 : 0
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

    /// The words of `text`, whose first scalar is at `column`, each numbered by `vocabulary`;
    /// linear in the text.
    package static func words(in text: Substring, column: Int = 1, vocabulary: PhraseWords = .empty) -> [TextWord] {
        // UTF-8 byte by byte over the text's own buffer, decoding a scalar only where a byte is
        // not ASCII: pasted text is mostly ASCII, and asking for Unicode properties, or stepping
        // a Substring's index, is what cost the time.
        var body = text
        return body.withUTF8 { bytes in
            var cutter = Cutter(text: text, bytes: bytes, vocabulary: vocabulary, column: column)
            cutter.run()
            return cutter.words
        }
    }

    /// The state of `words(in:)` as fields of one value, not variables its steps capture: a
    /// captured variable is checked for exclusive access at run time on every use.
    private struct Cutter {
        let text: Substring
        let bytes: UnsafeBufferPointer<UInt8>
        let vocabulary: PhraseWords
        var words: [TextWord] = []
        var column: Int
        /// Where the word being cut starts, -1 between words.
        var start = -1
        var startColumn = 0
        var first: Unicode.Scalar = " "
        var ascii = true
        /// The word's bytes hashed for `PhraseWords` as they are read, and before its last byte
        /// (its folded key's, when folding drops that byte).
        var hash = PhraseWords.hashSeed
        var hashBeforeLast = PhraseWords.hashSeed
        var gap = GapScanner()

        init(text: Substring, bytes: UnsafeBufferPointer<UInt8>, vocabulary: PhraseWords, column: Int) {
            self.text = text
            self.bytes = bytes
            self.vocabulary = vocabulary
            self.column = column
            words.reserveCapacity(8)
        }

        mutating func run() {
            var previous: Unicode.Scalar = " "
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                let (scalar, length) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : decode(bytes, at: offset)
                if scalar == "&" {
                    finish(offset)
                    words.append(
                        TextWord(
                            range: offset..<offset + length, column: column, gap: gap.gap, capitalized: false,
                            keyWord: vocabulary.and, foldedWord: vocabulary.and))
                    gap = GapScanner()
                } else if isWordScalar(scalar) {
                    if start >= 0, isUppercase(scalar), isLowercase(previous) { finish(offset) }
                    if start < 0 {
                        start = offset
                        startColumn = column
                        first = scalar
                        ascii = true
                        hash = PhraseWords.hashSeed
                    }
                    ascii = ascii && byte < 0x80
                    hashBeforeLast = hash
                    hash = PhraseWords.hashing(hash, byte)
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

        mutating func finish(_ end: Int) {
            guard start >= 0 else { return }
            let (key, folded): (Int32, Int32)
            if ascii {
                // The key is the bytes lowered, looked up as they are lowered: no String.
                key = vocabulary.lookup(bytes, start..<end, hashed: hash)
                let drop = foldedSuffix(bytes, start..<end, lowered: true)
                folded = drop == 0 ? key : vocabulary.lookup(bytes, start..<end - 1, hashed: hashBeforeLast)
            } else {
                let utf8 = text.utf8
                let scalars = text.unicodeScalars[
                    utf8.index(text.startIndex, offsetBy: start)..<utf8.index(text.startIndex, offsetBy: end)]
                var lowered = String(String.UnicodeScalarView(scalars)).lowercased()
                var folding = fold(lowered)
                key = lowered.withUTF8 { vocabulary.lookup($0, 0..<$0.count) }
                folded = folding.withUTF8 { vocabulary.lookup($0, 0..<$0.count) }
            }
            words.append(
                TextWord(
                    range: start..<end, column: startColumn, gap: gap.gap, capitalized: isUppercase(first),
                    keyWord: key, foldedWord: folded))
            gap = GapScanner()
            start = -1
        }
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
