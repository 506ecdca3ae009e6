import Foundation
import ScopeLint

// Writes a seeded fleet export for the benchmark (Benchmarks/run): STORES stores of ACCOUNTS
// API accounts each, indented like a real export. Built in release so generating the
// 2,000 x 50 fleet takes a second, not a minute.
//
// Each store has four Modern Retail and four Stone Edge accounts (applies_to matches them by
// name), the rest are other integrations checked against least-privilege. Integration
// accounts start from their policy's levels; about one in four then drifts: a scope raised
// one level (over-privileged, sometimes risky) or a required one lowered (under-privileged).
// Every account lists the granted scopes and some of the rest as "none", as exports do.
//
// --worst: every account lists every store scope at a random level instead, so most scopes of
// most accounts have a finding: the largest report a fleet of that size can make.

let usage = "usage: scopelint-fleet STORES ACCOUNTS_PER_STORE [--seed N] [--worst] [--output FILE]\n"
var arguments = Array(CommandLine.arguments.dropFirst())
var seed: UInt64 = 1
var output: String?
var worst = false
var positionals: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--seed": seed = arguments.isEmpty ? 0 : UInt64(arguments.removeFirst()) ?? 0
    case "--output", "-o": output = arguments.isEmpty ? nil : arguments.removeFirst()
    case "--worst": worst = true
    default: positionals.append(argument)
    }
}
guard positionals.count == 2, let storeCount = Int(positionals[0]), let perStore = Int(positionals[1]), storeCount > 0,
    perStore > 0
else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

let catalog = Catalog.bigCommerce
let library: PolicyLibrary
let integrations: [(name: String, policy: ResolvedPolicy)]
do {
    library = try PolicyLibrary.bundled()
    integrations = [
        ("Modern Retail Integration", try library.resolve("modern-retail")),
        ("Stone Edge Order Manager", try library.resolve("stone-edge")),
    ]
} catch {
    FileHandle.standardError.write(Data("scopelint-fleet: \(error)\n".utf8))
    exit(2)
}
let storeScopes = catalog.scopes.filter { $0.kind == .store }
let others = [
    "Reporting", "ShipStation", "Zapier", "Klaviyo", "Avalara", "Google Shopping", "Mailchimp",
    "ERP Sync", "Yotpo", "Returns Portal",
]
// What the other integrations commonly ask for: read access to the catalog and orders.
let readScopes = [
    "Products", "Orders", "Customers", "Information & Settings", "Content", "Store Inventory",
    "Store Locations", "Marketing",
].compactMap { catalog.scope(named: $0) }

var random = SeededGenerator(seed: seed)
var out = ""
out.reserveCapacity(1 << 20)
let handle: FileHandle
if let output {
    guard FileManager.default.createFile(atPath: output, contents: nil),
        let opened = FileHandle(forWritingAtPath: output)
    else {
        FileHandle.standardError.write(Data("scopelint-fleet: cannot write \(output)\n".utf8))
        exit(2)
    }
    handle = opened
} else {
    handle = FileHandle.standardOutput
}
@MainActor func flush(force: Bool = false) {
    if force || out.utf8.count > 1 << 20 {
        handle.write(Data(out.utf8))
        out.removeAll(keepingCapacity: true)
    }
}

@MainActor func clientID() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    return String(decoding: (0..<31).map { _ in alphabet[random.below(alphabet.count)] }, as: UTF8.self)
}

out +=
    "{\n  \"format\": \"scopelint-export/1\",\n  \"exported_at\": \"2026-11-20T10:00:00Z\",\n  \"generator\": \"scopelint-fleet --seed \(seed)\(worst ? " --worst" : "")\",\n  \"stores\": [\n"
for storeIndex in 0..<storeCount {
    let hash = String(String(random.next() & 0xFF_FFFF_FFFF, radix: 36).prefix(10))
    out +=
        "    {\n      \"store_hash\": \"\(hash)\",\n      \"name\": \"Store \(storeIndex + 1)\",\n      \"accounts\": [\n"
    for accountIndex in 0..<perStore {
        var levels = Array(repeating: 0, count: catalog.scopes.count)
        let name: String
        if accountIndex < 8 {
            let integration = integrations[accountIndex / 4]
            name = accountIndex % 4 == 0 ? integration.name : "\(integration.name) \(accountIndex % 4 + 1)"
            levels = integration.policy.minimum
            let drift = random.below(100)
            if drift < 15 {
                let scope = storeScopes[random.below(storeScopes.count)]
                levels[scope.id.index] = min(levels[scope.id.index] + 1, scope.highestLevel)
            } else if drift < 25 {
                let required = storeScopes.filter { levels[$0.id.index] > 0 }
                if let scope = required.isEmpty ? nil : required[random.below(required.count)] {
                    levels[scope.id.index] -= 1
                }
            }
        } else {
            name = "\(others[accountIndex % others.count]) \(accountIndex + 1)"
            for _ in 0..<(1 + random.below(4)) {
                let scope = readScopes[random.below(readScopes.count)]
                levels[scope.index] = random.chance(8) ? catalog[scope].highestLevel : 1
            }
        }
        if worst {
            for scope in storeScopes { levels[scope.id.index] = random.below(scope.highestLevel + 1) }
        }
        out +=
            "        {\n          \"name\": \"\(name)\",\n          \"type\": \"store\",\n          \"client_id\": \"\(clientID())\",\n          \"scopes\": {\n"
        var entries: [String] = []
        for scope in storeScopes where worst || levels[scope.id.index] > 0 || random.chance(70) {
            entries.append("            \"\(scope.name)\": \"\(scope.levelName(levels[scope.id.index]))\"")
        }
        out += entries.joined(separator: ",\n")
        out += "\n          }\n        }\(accountIndex + 1 < perStore ? "," : "")\n"
    }
    out += "      ]\n    }\(storeIndex + 1 < storeCount ? "," : "")\n"
    flush()
}
out += "  ]\n}\n"
flush(force: true)
