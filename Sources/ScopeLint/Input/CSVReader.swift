/// A spreadsheet export: a header naming at least a scope column (and usually a level
/// column), optionally store, account and type columns. Header names match in any case;
/// fields may be quoted (RFC 4180, `""` for a quote, line breaks inside quotes); the
/// separator is `,`, `;` (spreadsheet locales that use a decimal comma) or a tab, whichever
/// the header uses. A column of access tokens or secrets is reported, never kept.
enum CSVReader: InputReader {
    static let identifier = "csv"
    static let summary = "a spreadsheet with scope and level columns (optional store, account, type)"

    enum Column {
        case scope, level, store, account, type
        case secret(SecretSighting.Kind)
        case ignored
    }

    static let headerNames: [String: Column] = [
        "scope": .scope, "scopes": .scope, "scopename": .scope, "resource": .scope, "oauthscope": .scope,
        "parameter": .scope, "oauthparameter": .scope,
        "level": .level, "access": .level, "accesslevel": .level, "permission": .level, "value": .level,
        "setting": .level,
        "store": .store, "storehash": .store, "storename": .store,
        "account": .account, "accountname": .account, "apiaccount": .account, "client": .account,
        "clientname": .account, "name": .account,
        "type": .type, "accounttype": .type,
        "accesstoken": .secret(.accessToken), "token": .secret(.accessToken), "clientsecret": .secret(.clientSecret),
        "secret": .secret(.clientSecret),
    ]

    struct Field {
        var text: String
        var position: TextPosition
    }

    static func sniff(_ text: String) -> Bool {
        guard let header = text.split(separator: "\n", maxSplits: 1).first else { return false }
        let separator = self.separator(for: header)
        let names = header.split(separator: separator).map {
            Catalog.levelKey($0.replacingOccurrences(of: "\"", with: ""))
        }
        return names.count >= 2 && names.contains { if case .scope? = headerNames[$0] { true } else { false } }
    }

    static func separator(for header: Substring) -> Character {
        let counts: [(Character, Int)] = [
            (",", header.count { $0 == "," }), (";", header.count { $0 == ";" }), ("\t", header.count { $0 == "\t" }),
        ]
        return counts.max { $0.1 < $1.1 }?.0 ?? ","
    }

    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws(ScopeLintError) -> Export {
        let text = try TextLines(bytes, file: file)
        let joined = text.lines.map { String($0.text) }.joined(separator: "\n")
        guard let headerLine = text.lines.first(where: { !$0.text.trimmed.isEmpty }) else {
            throw .invalid(
                file: file, position: .start,
                message: "expected a CSV header naming scope and level columns, found an empty input")
        }
        let records = try parse(joined, separator: separator(for: headerLine.text), file: file)
        guard let header = records.first(where: { !$0.allSatisfy { $0.text.isEmpty } }) else {
            throw .invalid(
                file: file, position: .start, message: "expected a CSV header naming scope and level columns")
        }
        let columns = header.map { headerNames[Catalog.levelKey($0.text)] ?? .ignored }
        guard let scopeColumn = columns.firstIndex(where: { if case .scope = $0 { true } else { false } }) else {
            throw .invalid(
                file: file, position: header[0].position,
                message:
                    "expected a header naming a scope column (scope, resource, parameter) and a level column (level, access)"
            )
        }
        func index(_ want: (Column) -> Bool) -> Int? { columns.firstIndex(where: want) }
        let levelColumn = index { if case .level = $0 { true } else { false } }
        let storeColumn = index { if case .store = $0 { true } else { false } }
        let accountColumn = index { if case .account = $0 { true } else { false } }
        let typeColumn = index { if case .type = $0 { true } else { false } }

        var stores: [Store] = []
        var storeIndex: [String: Int] = [:]
        var accountIndex: [String: (Int, Int)] = [:]
        let headerLineNumber = header[0].position.line
        for record in records where record.first.map({ $0.position.line > headerLineNumber }) ?? false {
            if record.allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) { continue }
            func cell(_ column: Int?) -> Field? {
                guard let column, column < record.count else { return nil }
                let value = record[column].text.trimmingWhitespace()
                return value.isEmpty ? nil : Field(text: value, position: record[column].position)
            }
            let storeKey = cell(storeColumn)?.text ?? options.storeHash ?? ""
            let accountName = cell(accountColumn)?.text ?? options.accountName ?? "API account"
            if storeIndex[storeKey] == nil {
                storeIndex[storeKey] = stores.count
                stores.append(
                    Store(
                        hash: storeKey.isEmpty ? nil : storeKey, name: nil, position: record[0].position, accounts: []))
            }
            let s = storeIndex[storeKey]!
            let key = storeKey + "\u{1F}" + accountName
            if accountIndex[key] == nil {
                var type = AccountType.store
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
                accountIndex[key] = (s, stores[s].accounts.count)
                stores[s].accounts.append(
                    Account(name: accountName, type: type, position: record[0].position, scopes: []))
            }
            let (si, ai) = accountIndex[key]!
            for (column, kind) in columns.enumerated() {
                if case .secret(let secretKind) = kind, let secret = cell(column) {
                    stores[si].accounts[ai].secrets.append(
                        SecretSighting(kind: secretKind, key: header[column].text, position: secret.position))
                }
            }
            guard let scope = cell(scopeColumn) else {
                if let level = cell(levelColumn) {
                    throw .invalid(
                        file: file, position: level.position,
                        message: "expected a scope in this row; it has only a level")
                }
                continue
            }
            stores[si].accounts[ai].scopes.append(
                ScopeEntry(key: scope.text, level: cell(levelColumn)?.text, position: scope.position))
        }
        if stores.isEmpty {
            throw .invalid(
                file: file, position: header[0].position, message: "expected rows of scopes after the header")
        }
        return Export(file: file, stores: stores)
    }

    /// RFC 4180 records with the position of every field.
    static func parse(_ text: String, separator: Character, file: String) throws(ScopeLintError) -> [[Field]] {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var fieldStart = TextPosition(line: 1, column: 1)
        var line = 1
        var column = 1
        var inQuotes = false
        var quoteOpened = TextPosition(line: 1, column: 1)
        var atFieldStart = true
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if atFieldStart {
                fieldStart = TextPosition(line: line, column: column)
                atFieldStart = false
            }
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.trimmingWhitespace().isEmpty {
                inQuotes = true
                field = ""
                quoteOpened = TextPosition(line: line, column: column)
            } else if character == separator {
                record.append(Field(text: field, position: fieldStart))
                field = ""
                atFieldStart = true
            } else if character == "\n" {
                record.append(Field(text: field, position: fieldStart))
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
            } else {
                field.append(character)
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        if inQuotes {
            throw .invalid(
                file: file, position: quoteOpened, message: "expected a closing quote for the field that starts here")
        }
        if !atFieldStart || !field.isEmpty || !record.isEmpty {
            record.append(Field(text: field, position: fieldStart))
            records.append(record)
        }
        return records
    }
}
