import Foundation
import Testing

@testable import ScopeLint

/// The reference document the catalog encodes, beside the project (shared/ in CI).
let referencePath = packageRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/reference/bigcommerce-scopes.md"
).path

/// The rows of the reference's scope tables: UI name, its level column, its backticked parameters.
func referenceRows() -> [(name: String, levels: String, parameters: [String])] {
    guard let text = try? String(contentsOfFile: referencePath, encoding: .utf8) else { return [] }
    var rows: [(String, String, [String])] = []
    var inScopeTable = false
    for line in text.split(separator: "\n") {
        if line.hasPrefix("| UI name |") {
            inScopeTable = true
            continue
        }
        if !line.hasPrefix("|") {
            inScopeTable = false
            continue
        }
        guard inScopeTable, !line.hasPrefix("|---") else { continue }
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard cells.count >= 4 else { continue }
        let parameters = cells[3].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
            $0.offset % 2 == 1
        }.map { String($0.element) }
        rows.append((cells[1], cells[2], parameters))
    }
    return rows
}

@Suite("Catalog: the reference tables")
struct CatalogReferenceTests {
    let catalog = Catalog.bigCommerce

    @Test(
        "every scope of the reference is in the catalog, with its levels and parameters",
        .enabled(if: FileManager.default.fileExists(atPath: referencePath)))
    func coversReference() throws {
        let rows = referenceRows()
        #expect(rows.count == 38, "store and account scope rows in the reference")
        for row in rows {
            let id = try #require(catalog.scope(named: row.name), "\(row.name) is missing")
            let scope = catalog[id]
            #expect(scope.name == row.name)
            #expect(scope.levels.map(\.name).joined(separator: ", ") == row.levels, "\(row.name) levels")
            for parameter in row.parameters {
                #expect(catalog.parameter(parameter)?.scope == id, "\(parameter) should be \(row.name)")
            }
        }
        #expect(
            Set(rows.map(\.name)) == Set(catalog.scopes.map(\.name)), "the catalog has a scope the reference does not")
    }

    @Test("every parameter round-trips to its scope and level", arguments: Catalog.bigCommerce.scopes.map(\.name))
    func parametersRoundTrip(_ name: String) throws {
        let scope = catalog[try #require(catalog.scope(named: name))]
        for (index, level) in scope.levels.enumerated() {
            #expect(catalog.level(level.name, of: scope.id) == .init(level: index, normalized: false))
            #expect(catalog.level(level.name.uppercased(), of: scope.id)?.level == index)
            for spelling in level.spellings {
                #expect(catalog.level(spelling, of: scope.id)?.level == index, "\(name): \(spelling)")
            }
            if let parameter = level.parameter {
                let match = try #require(catalog.parameter(parameter))
                #expect(match.scope == scope.id && match.level == index && match.canonical == nil)
            }
        }
        for alias in scope.parameterAliases {
            let match = try #require(catalog.parameter(alias.parameter))
            #expect(
                match.scope == scope.id && match.level == alias.level
                    && match.canonical == scope.levels[alias.level].parameter)
        }
        #expect(catalog.scope(named: name.lowercased().replacingOccurrences(of: "&", with: "and")) == scope.id)
        #expect(catalog.scope(named: "  " + name.uppercased() + " ") == scope.id)
    }

    @Test(
        "spellings from guides and docs",
        arguments: [
            ("Get Payment Methods", "non", 0, true), ("Orders", "Read only", 1, true),
            ("Orders", "READ-ONLY", 1, false),
            ("Orders", "readonly", 1, true), ("Customers Login", "modify", 1, true),
            ("Customers Login", "token login", 1, true),
            ("Create Payments", "create", 1, false), ("Storefront API Tokens", "generate tokens", 1, true),
            ("Themes", "manage", 2, true),
            ("Metafields Access", "standard", 0, false), ("Infrastructure Deployments", "create preview", 2, false),
        ] as [(String, String, Int, Bool)])
    func spellings(_ scope: String, _ text: String, _ level: Int, _ normalized: Bool) throws {
        let id = try #require(catalog.scope(named: scope))
        #expect(catalog.level(text, of: id) == .init(level: level, normalized: normalized))
    }

    @Test(
        "impossible levels are not guessed",
        arguments: [
            ("Store Logs", "modify"), ("Get Payment Methods", "modify"), ("Orders", "manage"),
            ("Account Users", "read-write"),
        ])
    func impossible(_ scope: String, _ text: String) throws {
        #expect(catalog.level(text, of: try #require(catalog.scope(named: scope))) == nil)
    }

    @Test("names: & and 'and', older labels, aliases from BigCommerce's specs, implicit scopes")
    func names() {
        #expect(catalog.scope(named: "Sites and Routes") == catalog.scope(named: "Sites & Routes"))
        #expect(catalog.scope(named: "Payments - Get accepted methods") == catalog.scope(named: "Get Payment Methods"))
        #expect(catalog.parameter("store_checkouts")?.canonical == "store_checkout")
        #expect(catalog.parameter("store_checkout_content_read_only")?.canonical == "store_content_checkout_read_only")
        #expect(catalog.parameter("STORE_V2_ORDERS")?.level == 2)
        #expect(catalog.implicitParameters == ["store_v2_default", "users_basic_information"])
        #expect(catalog.scope(named: "Webhooks") == nil)
        #expect(catalog.parameter("store_webhooks_manage") == nil)
    }
}
