import Foundation
import Testing

@testable import ScopeLint

/// Where the configuration is looked for: the working folder, then each parent up to the
/// repository root and never above it; `.json` and `.json5` both, and both in one folder refused.
@Suite("Configuration search")
struct ConfigurationSearchTests {
    /// Makes `files` (paths relative to a new folder; a trailing `/` makes a folder) and
    /// searches from `start` inside it.
    func find(_ files: [String], from start: String) throws -> String? {
        let root = try temporaryDirectory("config-search")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in files {
            let url = root.appendingPathComponent(file)
            if file.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("{}".utf8).write(to: url)
            }
        }
        let directory = root.appendingPathComponent(start)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try Configuration.find(from: directory.path) { FileManager.default.fileExists(atPath: $0) }
    }

    @Test("the working folder's file, either name")
    func workingFolder() throws {
        #expect(try find(["repo/.git/", "repo/.scopelint.json"], from: "repo") == ".scopelint.json")
        #expect(try find(["repo/.git/", "repo/.scopelint.json5"], from: "repo") == ".scopelint.json5")
    }

    @Test("the nearest parent's, as a path from the working folder")
    func parents() throws {
        #expect(
            try find(["repo/.git/", "repo/.scopelint.json5", "repo/a/.scopelint.json"], from: "repo/a/b/c")
                == "../../.scopelint.json")
        #expect(try find(["repo/.git/", "repo/.scopelint.json5"], from: "repo/a/b") == "../../.scopelint.json5")
    }

    @Test("never above the repository root, whether .git is a folder or a worktree's file")
    func stopsAtRoot() throws {
        #expect(try find([".scopelint.json", "repo/.git/"], from: "repo/a") == nil)
        #expect(try find([".scopelint.json", "repo/.git"], from: "repo/a") == nil)
        // The root's own file is found.
        #expect(try find(["repo/.scopelint.json", "repo/.git"], from: "repo/a") == "../.scopelint.json")
    }

    @Test("both names in one folder is an error naming both")
    func bothNames() throws {
        #expect(throws: ScopeLintError.self) {
            try find(["repo/.git/", "repo/.scopelint.json", "repo/.scopelint.json5"], from: "repo/a")
        }
        do {
            _ = try find(["repo/.git/", "repo/.scopelint.json", "repo/.scopelint.json5"], from: "repo/a")
        } catch let error as ScopeLintError {
            #expect(error.description.contains("both ../.scopelint.json and ../.scopelint.json5"))
        }
    }

    @Test("without a repository, the search ends at /")
    func noRepository() throws {
        #expect(try Configuration.find(from: "/") { _ in false } == nil)
        #expect(try Configuration.find(from: "/a/b") { $0 == "/.scopelint.json" } == "../../.scopelint.json")
    }
}
