import Foundation
import Testing

@testable import ScopeLint

/// Where reports, exports and baselines go: never over a file the run reads, whatever path
/// names it; `-` and devices written as streams, never replaced; every file of a run replaced
/// only when all were written, keeping its mode, whatever temporary files lie around.
@Suite("Hostile output paths")
struct OutputFileTests {
    let fleet = packageRoot.appendingPathComponent("Fixtures/exports/fleet/agency.json5").path

    static func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test("an output naming a policy, configuration, baseline or input the run reads is refused, by any name")
    func outputOverReadFiles() throws {
        let folder = try temporaryDirectory("outputs")
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let policies = folder.appendingPathComponent("policies").path
        try FileManager.default.createDirectory(atPath: policies, withIntermediateDirectories: false)
        let policy = try file("policies/mine.json5", #"{ id: "mine", title: "Mine", scopes: {} }"#)
        let config = try file("config.json", #"{ "fail_on": "never" }"#)
        let input = try file("export.json", try #require(Self.text(fleet)))
        let linked = folder.appendingPathComponent("hard-link.json").path
        #expect(link(config, linked) == 0)
        let cases: [[String]] = [
            ["lint", fleet, "--policies", policies, "-o", policy],
            ["lint", fleet, "--policies", policies, "--format", "json", "-o", policies + "/../policies/mine.json5"],
            ["lint", fleet, "--config", config, "--write-baseline", linked],
            ["lint", fleet, "--config", linked, "-o", config],
            ["lint", input, "--write-baseline", folder.path + "/./export.json"],
            ["convert", input, "-o", folder.path + "/policies/../export.json"],
            ["lint", fleet, "--format", "json", "-o", config + ".out", "--format", "sarif", "-o", config + ".out"],
        ]
        for arguments in cases {
            let result = runCLI(arguments)
            #expect(result.code == 2, "\(arguments)")
            #expect(
                result.err.contains("one of the files scopelint reads") || result.err.contains("the same file"),
                "\(arguments): \(result.err)")
        }
        #expect(Self.text(policy) == #"{ id: "mine", title: "Mine", scopes: {} }"#)
        #expect(Self.text(config) == #"{ "fail_on": "never" }"#)
        #expect(Self.text(input) == Self.text(fleet))
        #expect(!FileManager.default.fileExists(atPath: config + ".out"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "config.json", "export.json", "hard-link.json", "policies",
            ])
    }

    @Test("'-' and /dev/stdout are standard output; a FIFO is written, not replaced; one nobody reads fails at once")
    func streams() throws {
        let folder = try temporaryDirectory("streams")
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = runCLI(["lint", fleet, "--format", "github"])
        for output in ["-", "/dev/stdout"] {
            let result = runCLI(["lint", fleet, "--format", "github", "-o", output])
            #expect(result.code == expected.code && result.out == expected.out, "\(output): \(result.err)")
        }
        #expect(runCLI(["convert", fleet, "-o", "-"]).out == runCLI(["convert", fleet]).out)
        #expect(!FileManager.default.fileExists(atPath: "-"), "a file named '-' was written")
        let twice = runCLI(["lint", fleet, "--format", "json", "-o", "-", "--format", "text"])
        #expect(twice.code == 2 && twice.err.contains("Two reports would be written to standard output"))

        let fifo = folder.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let nobody = runCLI(["lint", fleet, "--format", "github", "-o", fifo])
        #expect(nobody.code == 2 && nobody.err.contains("\(fifo): error: cannot write: nothing reads it"))
        // A reader holds it open; the report (a few kilobytes) waits in the FIFO.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let written = runCLI(["lint", fleet, "--format", "github", "-o", fifo])
        #expect(written.code == expected.code, "\(written.err)")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        #expect(String(decoding: TestSupport.readAll(reader), as: UTF8.self) == expected.out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.fifo"])
    }

    @Test("a stale temporary file of any name does not block a write, and a replaced file keeps its mode")
    func temporaryNameAndMode() throws {
        let folder = try temporaryDirectory("temporary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json").path
        // What a killed run with this process id (PID 1 in a container) would have left.
        let stale = folder.appendingPathComponent(".report.json.scopelint-\(getpid()).tmp").path
        try "stale".write(toFile: stale, atomically: false, encoding: .utf8)
        try "old".write(toFile: report, atomically: false, encoding: .utf8)
        #expect(chmod(report, 0o600) == 0)
        let result = runCLI(["lint", fleet, "--format", "json", "-o", report])
        #expect(result.code == 1, "\(result.err)")
        #expect(Self.text(report)?.hasPrefix("{") == true)
        var status = stat()
        #expect(
            stat(report, &status) == 0 && status.st_mode & 0o777 == 0o600, "the mode became \(status.st_mode & 0o777)")
        #expect(Self.text(stale) == "stale")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
    }

    @Test("when one output of a run cannot be written, no file is replaced and no temporary file is left")
    func allOrNothing() throws {
        let folder = try temporaryDirectory("all-or-nothing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.json").path
        let baseline = folder.appendingPathComponent("baseline.json").path
        try "old report".write(toFile: first, atomically: false, encoding: .utf8)
        try "old baseline".write(toFile: baseline, atomically: false, encoding: .utf8)
        let missing = folder.appendingPathComponent("no-such-folder/second.sarif").path
        let result = runCLI([
            "lint", fleet, "--write-baseline", baseline, "--format", "json", "-o", first, "--format", "sarif", "-o",
            missing,
        ])
        #expect(result.code == 2 && result.err.contains("\(missing): error: cannot write"), "\(result.err)")
        #expect(Self.text(first) == "old report")
        #expect(Self.text(baseline) == "old baseline")
        #expect(!result.err.contains("wrote"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "baseline.json", "first.json",
            ])
    }
}
