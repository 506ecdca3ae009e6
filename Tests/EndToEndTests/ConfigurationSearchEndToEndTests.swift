import Foundation
import Testing

/// The real binary, run from a folder deep in a repository whose root holds the configuration:
/// every command that loads policies finds the configuration's policy folder.
@Suite("Configuration found from a subfolder")
struct ConfigurationSearchEndToEndTests {
    @Test("lint, plan, policies (generate --against too), scopes and diff read the repository root's .scopelint.json5")
    func fromSubfolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scopelint-repo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("ops/stores")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("team-policies"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let fixtures = FixtureCase.packageRoot.appendingPathComponent("Fixtures")
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("policies/celigo-order-sync.json5"),
            to: root.appendingPathComponent("team-policies/celigo-order-sync.json5"))
        // JSON5, with its folder relative to itself.
        try Data("{ policies: [\"team-policies\"] }\n".utf8).write(to: root.appendingPathComponent(".scopelint.json5"))
        let export = fixtures.appendingPathComponent("exports/celigo-integrator-io/under-privileged.json").path

        for arguments in [
            ["plan", "--policy", "celigo-order-sync"],
            ["policies", "show", "celigo-order-sync"],
            ["diff", "--policy", "celigo-order-sync", "--policy", "celigo-integrator-io"],
        ] {
            let result = try Executable.run(arguments, directory: deep)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let list = try Executable.run(["policies", "list"], directory: deep)
        #expect(list.stdout.contains("celigo-order-sync"))
        let lint = try Executable.run(["lint", export, "--policy", "celigo-order-sync"], directory: deep)
        #expect(lint.status == 1 && lint.stderr.isEmpty, "\(lint.stderr)")
        // policies generate --against finds a team policy by id through the same configuration.
        let calls = fixtures.appendingPathComponent("usage/same-calls/calls.txt").path
        let against = try Executable.run(
            ["policies", "generate", calls, "--against", "celigo-order-sync"], directory: deep)
        #expect(against.status == 1, "\(against.stderr)")
        #expect(against.stdout.hasPrefix("Policy celigo-order-sync compared with the calls:"), "\(against.stdout)")

        // A second name in the same folder: refused, naming both.
        try Data("{}".utf8).write(to: root.appendingPathComponent(".scopelint.json"))
        let both = try Executable.run(["plan", "--policy", "read-only"], directory: deep)
        #expect(both.status == 2)
        #expect(both.stderr.contains("../../.scopelint.json and ../../.scopelint.json5"))
    }
}
