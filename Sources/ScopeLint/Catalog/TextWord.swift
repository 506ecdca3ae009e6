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
    package var key: String
    /// What separates it from the word before it (or from the start of the text).
    package var gap: Gap
    /// Starts with an upper-case letter, as pages write the control panel's labels.
    package var capitalized: Bool

    /// The key with a plural's final "s" dropped ("orders", "order"): a name's words are
    /// compared folded, so "Order transaction" is Order Transactions.
    package var folded: String { Self.fold(key) }

    package static func fold(_ key: String) -> String {
        key.utf8.count > 3 && key.hasSuffix("s") && !key.hasSuffix("ss") ? String(key.dropLast()) : key
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
        let scalars = text.unicodeScalars
        var column = column
        var start: String.Index?
        var startColumn = column
        var gap = GapScanner()
        var previous: Unicode.Scalar = " "
        func finish(_ end: String.Index) {
            guard let begin = start else { return }
            words.append(word(scalars[begin..<end], column: startColumn, gap: gap.gap))
            gap = GapScanner()
            start = nil
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar == "&" {
                finish(index)
                words.append(
                    TextWord(range: index..<next, column: column, key: "and", gap: gap.gap, capitalized: false))
                gap = GapScanner()
            } else if isWordScalar(scalar) {
                if start != nil, previous.properties.isLowercase, scalar.properties.isUppercase { finish(index) }
                if start == nil {
                    start = index
                    startColumn = column
                }
            } else {
                finish(index)
                gap.add(scalar)
            }
            previous = scalar
            column += 1
            index = next
        }
        finish(scalars.endIndex)
        return words
    }

    private static func word(_ scalars: Substring.UnicodeScalarView.SubSequence, column: Int, gap: Gap) -> TextWord {
        var key = ""
        if scalars.allSatisfy(\.isASCII) {
            key.unicodeScalars.append(
                contentsOf: scalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value | 0x20)! : $0 })
        } else {
            key = String(String.UnicodeScalarView(scalars)).lowercased()
        }
        return TextWord(
            range: scalars.startIndex..<scalars.endIndex, column: column, key: key, gap: gap,
            capitalized: scalars.first?.properties.isUppercase ?? false)
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
