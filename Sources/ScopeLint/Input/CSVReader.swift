/// A spreadsheet, in one of two shapes. One row per scope: a header naming a scope column
/// (and usually a level column); a scope cell may hold several OAuth parameters, separated
/// by spaces, commas or `+`, each read on its own. One column per scope: the header names
/// scopes (their UI names) and each row is an account, its cells the levels (an
/// empty cell lists nothing). Both may have store, account, type, client id, credential and
/// notes columns. Header names match in any case; fields may be quoted (RFC 4180, `""` for a
/// quote, line breaks inside quotes); the separator is `,`, `;` (spreadsheet locales that use
/// a decimal comma) or a tab, whichever the header uses. A column the header does not name,
/// or a cell beyond its last column, is an error: a value scopelint cannot place must not
/// vanish. A column of access tokens or secrets is reported, never kept.
enum CSVReader: InputReader {
    static let identifier = "csv"
    static let summary =
        "a spreadsheet with scope and level columns, or one column per scope (optional store, account, type)"

    enum Column: Hashable {
        case scope, level, store, account, type, clientID, notes
        case secret(SecretSighting.Kind)
        /// One column per scope: the levels of the scope the header cell names.
        case levels(ScopeID)
    }

    static let headerNames: [String: Column] = [
        "scope": .scope, "scopes": .scope, "scopename": .scope, "resource": .scope, "oauthscope": .scope,
        "parameter": .scope, "parameters": .scope, "oauthparameter": .scope, "oauthparameters": .scope,
        "level": .level, "access": .level, "accesslevel": .level, "permission": .level, "value": .level,
        "setting": .level,
        "store": .store, "storehash": .store, "storename": .store,
        "account": .account, "accountname": .account, "apiaccount": .account, "client": .account,
        "clientname": .account, "name": .account,
        "type": .type, "accounttype": .type, "clientid": .clientID,
        "notes": .notes, "note": .notes, "comment": .notes, "comments": .notes, "description": .notes,
        "createdat": .notes, "created": .notes,
    ].merging(SecretSighting.Kind.credentialKeys.mapValues(Column.secret)) { column, _ in column }

    /// The column names an error lists.
    static let columnNames = [
        "scope", "level", "store", "account", "type", "client id", "notes", "access token", "client secret",
    ]

    struct Field {
        var text: String
        var position: TextPosition
        /// Where the text starts: after the opening quote of a quoted field.
        var contentStart: TextPosition
    }

    static func sniff(_ text: String) -> Bool {
        guard let header = text.split(separator: "\n", maxSplits: 1).first else { return false }
        let names = header.split(separator: separator(for: header))
        guard names.count >= 2 else { return false }
        // A scope column; or an account column and scope names, and nothing else, so that a
        // line of text naming scopes is not taken for a header. Once a name is neither, only a
        // scope column can still make it a header, and the catalog need not be asked again.
        var account = false
        var scopeNamed = false
        var allKnown = true
        for name in names {
            let name = name.replacingOccurrences(of: "\"", with: "").trimmingWhitespace()
            let column = headerNames[Catalog.levelKey(name)]
            if column == .scope { return true }
            guard allKnown else { continue }
            if column == .account {
                account = true
            } else if column == nil, Catalog.bigCommerce.scope(named: name) != nil {
                scopeNamed = true
            } else if column == nil {
                allKnown = false
            }
        }
        return allKnown && account && scopeNamed
    }

    /// The most frequent of `,` `;` and tab in the header (ASCII: counted as bytes).
    static func separator(for header: Substring) -> Character {
        var (commas, semicolons, tabs) = (0, 0, 0)
        for byte in header.utf8 {
            switch byte {
            case 0x2C: commas += 1
            case 0x3B: semicolons += 1
            case 0x09: tabs += 1
            default: continue
            }
        }
        // Ties go to the earlier of comma, semicolon, tab.
        if semicolons > commas, semicolons >= tabs { return ";" }
        if tabs > commas, tabs > semicolons { return "\t" }
        return ","
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines.text(bytes, file: file)
        guard let headerLine = TextLines.firstLineWithText(text) else {
            throw .invalid(file: file, position: .start, message: "expected a CSV header, found an empty input")
        }
        // Record by record: a row is placed as soon as it is parsed, and no table of every
        // field of the file is ever held.
        var rows: Rows?
        try parse(text, separator: separator(for: headerLine), file: file) { (record) throws(ScopeLintError) in
            if rows != nil {
                try rows!.add(record)
            } else if !record.allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) {
                rows = try Rows(header: record, file: file, options: options)
            }
        }
        guard let rows else { throw .invalid(file: file, position: .start, message: "expected a CSV header") }
        if rows.stores.isEmpty {
            throw .invalid(
                file: file, position: rows.header[0].position, message: "expected rows of scopes after the header")
        }
        return Export(file: file, stores: rows.stores)
    }

    /// The accounts of the rows read so far, placed by the header's columns.
    struct Rows {
        let header: [Field]
        let columns: [Column?]
        let file: String
        let options: ReadOptions
        let wide: Bool
        let scopeColumn: Int?
        let levelColumn: Int?
        let storeColumn: Int?
        let accountColumn: Int?
        let typeColumn: Int?
        let clientIDColumn: Int?
        var stores: [Store] = []
        var storeIndex: [String: Int] = [:]
        /// Each account's place in its store, by store and name.
        var accountIndex: [AccountKey: Int] = [:]

        struct AccountKey: Hashable {
            var store: Int
            var name: String
        }

        init(header: [Field], file: String, options: ReadOptions) throws(ScopeLintError) {
            let columns = try CSVReader.columns(header, file: file)
            self.header = header
            self.columns = columns
            self.file = file
            self.options = options
            wide = columns.contains { if case .levels? = $0 { true } else { false } }
            scopeColumn = columns.firstIndex(of: .scope)
            levelColumn = columns.firstIndex(of: .level)
            storeColumn = columns.firstIndex(of: .store)
            accountColumn = columns.firstIndex(of: .account)
            typeColumn = columns.firstIndex(of: .type)
            clientIDColumn = columns.firstIndex(of: .clientID)
        }

        mutating func add(_ record: [Field]) throws(ScopeLintError) {
            if record.allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) { return }
            func cell(_ column: Int?) -> Field? {
                guard let column, column < record.count else { return nil }
                let value = record[column].text.trimmingWhitespace()
                return value.isEmpty
                    ? nil
                    : Field(text: value, position: record[column].position, contentStart: record[column].contentStart)
            }
            let storeCell = cell(storeColumn)
            let accountCell = cell(accountColumn)
            let storeKey = try options.storeHash(storeCell?.text, at: storeCell?.position ?? .start, file: file) ?? ""
            let accountName =
                try options.accountName(accountCell?.text, at: accountCell?.position ?? .start, file: file)
                ?? "API account"
            if storeIndex[storeKey] == nil {
                storeIndex[storeKey] = stores.count
                stores.append(
                    Store(
                        hash: storeKey.isEmpty ? nil : storeKey, name: nil, position: record[0].position, accounts: []))
            }
            let s = storeIndex[storeKey]!
            let key = AccountKey(store: s, name: accountName)
            var type: AccountType?
            if let typeCell = cell(typeColumn) {
                guard let parsed = AccountType(rawValue: typeCell.text.lowercased()) else {
                    throw .invalid(
                        file: file, position: typeCell.position,
                        message:
                            "expected the account type to be one of \(AccountType.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                type = parsed
            }
            let clientID = cell(clientIDColumn)
            let ai: Int
            if let existing = accountIndex[key] {
                ai = existing
                // A later row of the same account saying otherwise would be dropped or win: neither is safe.
                let account = stores[s].accounts[ai]
                if let type, type != account.type {
                    throw .invalid(
                        file: file, position: cell(typeColumn)!.position,
                        message:
                            "expected the type of '\(Redactor.redact(accountName))' to be \(account.type.rawValue), as on its first row"
                    )
                }
                if let clientID, clientID.text != account.clientID {
                    throw .invalid(
                        file: file, position: clientID.position,
                        message:
                            "expected the client id of '\(Redactor.redact(accountName))' to be the one on its first row"
                    )
                }
            } else {
                ai = stores[s].accounts.count
                accountIndex[key] = ai
                stores[s].accounts.append(
                    Account(
                        name: accountName, type: type ?? .store, clientID: clientID?.text, position: record[0].position,
                        scopes: []))
            }
            // Each cell once, so a short row costs its own length, not the header's.
            for (column, field) in record.enumerated() {
                let kind = column < columns.count ? columns[column] : nil
                guard let value = cell(column) else { continue }
                switch kind {
                case nil:
                    throw .invalid(
                        file: file, position: field.position,
                        message: column < columns.count
                            ? "expected this cell to be empty: the header names no column here"
                            : "expected at most \(columns.count) cells, as the header has; this one is beyond its last column"
                    )
                case .secret(let secretKind):
                    stores[s].accounts[ai].secrets.append(
                        SecretSighting(kind: secretKind, key: header[column].text, position: value.position))
                case .levels:
                    stores[s].accounts[ai].scopes.append(
                        ScopeEntry(
                            key: header[column].text.trimmingWhitespace(), level: value.text, position: value.position))
                default:
                    break
                }
            }
            if wide { return }
            guard let scope = cell(scopeColumn) else {
                if let level = cell(levelColumn) {
                    throw .invalid(
                        file: file, position: level.position,
                        message: "expected a scope in this row; it has only a level")
                }
                return
            }
            let level = cell(levelColumn)
            if let parameters = CSVReader.parameters(in: record[scopeColumn!]) {
                if let level {
                    throw .invalid(
                        file: file, position: level.position,
                        message:
                            "expected no level beside \(parameters.count) OAuth parameters: each carries its own level (or give one scope per row with its level)"
                    )
                }
                stores[s].accounts[ai].scopes += parameters
            } else {
                stores[s].accounts[ai].scopes.append(
                    ScopeEntry(key: scope.text, level: level?.text, position: scope.position))
            }
        }
    }

    /// What each header cell names (nil for an empty one). The header must give one shape:
    /// a scope column, or columns named after scopes; a name that is neither a column nor a
    /// scope, or a column given twice, is an error, since its cells would have no meaning.
    /// A first line naming nothing scopelint knows is no header at all, and is told so.
    static func columns(_ header: [Field], file: String) throws(ScopeLintError) -> [Column?] {
        var columns: [Column?] = []
        var seen: Set<Column> = []
        var unknown: (Field, String)?
        var known = false
        func unknownColumn(_ field: Field, _ name: String) -> ScopeLintError {
            .invalid(
                file: file, position: field.position,
                message:
                    "unknown column '\(Redactor.redact(name))'\(Suggestions.hint(for: name, in: columnNames + Catalog.bigCommerce.allNames)); expected a scope name (one column per scope) or one of \(columnNames.joined(separator: ", "))"
            )
        }
        for field in header {
            let name = field.text.trimmingWhitespace()
            let column =
                name.isEmpty
                ? nil : headerNames[Catalog.levelKey(name)] ?? Catalog.bigCommerce.scope(named: name).map(Column.levels)
            columns.append(column)
            guard let column else {
                if !name.isEmpty, unknown == nil { unknown = (field, name) }
                // The error is decided once a header has both: the rest of a million-column
                // header need not be looked up.
                if known, let (field, name) = unknown { throw unknownColumn(field, name) }
                continue
            }
            known = true
            if let (field, name) = unknown { throw unknownColumn(field, name) }
            switch column {
            case .notes, .secret: break
            default:
                if !seen.insert(column).inserted {
                    throw .invalid(
                        file: file, position: field.position,
                        message: "a second '\(Redactor.redact(name))' column; give each column once")
                }
            }
        }
        let scopeNamed = columns.firstIndex { if case .levels? = $0 { true } else { false } }
        if let scopeNamed, seen.contains(.scope) || seen.contains(.level) {
            throw .invalid(
                file: file, position: header[scopeNamed].position,
                message:
                    "expected either a scope column with a level column (one row per scope) or one column per scope (one row per account), not both"
            )
        }
        if scopeNamed == nil && !seen.contains(.scope) {
            throw .invalid(
                file: file, position: header[0].position,
                message:
                    "expected a CSV header naming a scope column (scope, parameter) and a level column (level, access), or an account column and one column per scope (Account,Orders,Products)"
            )
        }
        return columns
    }

    /// The OAuth parameters of a scope cell that holds several, each at its own line and
    /// column; nil when the cell is one scope (a UI name, or a single parameter).
    static func parameters(in field: Field) -> [ScopeEntry]? {
        // Most cells hold one word: only one with a separator in it can hold several.
        guard
            field.text.utf8.contains(where: {
                $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0xC2 || $0 == 0x2C || $0 == 0x2B
            }),
            ScopeStringReader.sniff(field.text)
        else { return nil }
        var entries: [ScopeEntry] = []
        var current = ""
        var start = field.contentStart
        var line = field.contentStart.line
        var column = field.contentStart.column
        for character in field.text {
            // The separators ScopeStringReader.sniff splits on.
            if character == " " || character == "\t" || character == "\u{A0}" || character.isNewline
                || character == "," || character == "+"
            {
                if !current.isEmpty {
                    entries.append(ScopeEntry(key: current, level: nil, position: start))
                    current = ""
                }
            } else {
                if current.isEmpty { start = TextPosition(line: line, column: column) }
                current.append(character)
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        if !current.isEmpty { entries.append(ScopeEntry(key: current, level: nil, position: start)) }
        return entries.count > 1 ? entries : nil
    }

    /// RFC 4180 records with the position of every field, each handed to `eachRecord` as it
    /// ends. Byte by byte (the separator, quotes and line breaks are ASCII, so they never split a
    /// character), with columns counted in scalars as it goes: linear in the input, and a field
    /// is copied once, whole. CR LF, LF and a lone CR each end a line, as in `TextLines`.
    static func parse(
        _ text: String, separator: Character, file: String,
        eachRecord: ([Field]) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        // Over the text's own buffer: stepping a String's view a byte at a time cost a hundred
        // instructions a byte. Fields are cut at ASCII bytes, so each slice is valid UTF-8.
        var whole = text
        var failure: ScopeLintError?
        whole.withUTF8 { bytes in
            var record: [Field] = []
            var field = ""
            var runStart = 0
            var fieldStart = TextPosition(line: 1, column: 1)
            var contentStart = fieldStart
            var line = 1
            var column = 1
            var inQuotes = false
            var quoteOpened = fieldStart
            var atFieldStart = true
            // Whether the field so far is only spaces: a quote then opens a quoted field.
            var blank = true
            var index = 0
            // The bytes since `runStart` not yet added to `field`.
            func takeRun(upTo end: Int) {
                guard runStart < end else { return }
                let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self)
                if field.isEmpty { field = run } else { field += run }
            }
            func endField(at end: Int) {
                takeRun(upTo: end)
                record.append(Field(text: field, position: fieldStart, contentStart: contentStart))
                field = ""
                atFieldStart = true
            }
            func hand(_ record: [Field]) -> Bool {
                do throws(ScopeLintError) {
                    try eachRecord(record)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if atFieldStart {
                    fieldStart = TextPosition(line: line, column: column)
                    contentStart = fieldStart
                    runStart = index
                    atFieldStart = false
                    blank = true
                }
                let next = index + 1
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        takeRun(upTo: index)
                        if next < bytes.count, bytes[next] == UInt8(ascii: "\"") {
                            // A doubled quote is one quote in the field.
                            field += "\""
                            index = next + 1
                            runStart = index
                            column += 2
                            continue
                        }
                        inQuotes = false
                        runStart = next
                    }
                } else if byte == UInt8(ascii: "\""), blank {
                    inQuotes = true
                    field = ""
                    runStart = next
                    quoteOpened = TextPosition(line: line, column: column)
                    contentStart = TextPosition(line: line, column: column + 1)
                } else if byte == separatorByte {
                    endField(at: index)
                } else if byte == 0x0A || byte == 0x0D {
                    endField(at: index)
                    guard hand(record) else { return }
                    record = []
                } else if !(byte == 0x20 || byte == 0x09 || (byte == 0xC2 && next < bytes.count && bytes[next] == 0xA0)
                    || (byte == 0xA0 && index > 0 && bytes[index - 1] == 0xC2))
                {
                    blank = false
                }
                if byte == 0x0A || byte == 0x0D {
                    line += 1
                    column = 1
                    // CR LF is one line break; inside quotes, any break is kept as LF.
                    let after = byte == 0x0D && next < bytes.count && bytes[next] == 0x0A ? next + 1 : next
                    if inQuotes, byte == 0x0D {
                        takeRun(upTo: index)
                        field += "\n"
                        runStart = after
                    }
                    index = after
                    continue
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index = next
            }
            if inQuotes {
                failure = .invalid(
                    file: file, position: quoteOpened,
                    message: "expected a closing quote for the field that starts here")
                return
            }
            if !atFieldStart {
                endField(at: bytes.count)
                _ = hand(record)
            } else if !record.isEmpty {
                record.append(Field(text: "", position: fieldStart, contentStart: contentStart))
                _ = hand(record)
            }
        }
        if let failure { throw failure }
    }
}
