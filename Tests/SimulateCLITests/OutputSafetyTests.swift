import Foundation
import Testing

/// Nothing a planner put in an output folder is lost (issue 33, items 1–4): the tool replaces only
/// the files its own `SHA256SUMS` lists and that are unchanged; two runs never write one folder at
/// once; a stopped or killed run leaves the earlier results as they were and its leftovers are
/// cleared, with a note, by the next start. Each test was seen to fail on 36357ba (which replaced
/// any folder with its marker whole, and let a second run delete the first's staging folder).
@Suite(.serialized) struct OutputSafetyTests {
    let tiny = fixtures.appendingPathComponent("tiny.json").path

    /// Every file of a folder, by name, as bytes.
    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// `SHA256SUMS` lists every other file of the folder the tool wrote, each with its digest.
    func expectSumsHold(_ folder: URL, besides planners: Set<String> = []) throws {
        let lines = try read(folder.appendingPathComponent("SHA256SUMS")).split(separator: "\n")
        var listed: Set<String> = []
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            listed.insert(name)
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(sha256(data) == String(parts[0]), "\(name) does not match SHA256SUMS")
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)).subtracting(["SHA256SUMS"])
        #expect(listed == present.subtracting(planners), "listed \(listed.sorted()) against \(present.sorted())")
    }

    func sha256(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    /// Notes and an annotated copy beside the results stop a re-run (exit 73, the file named)
    /// and stay byte for byte; with --force the results are replaced and they still stay.
    @Test func aRerunKeepsThePlannersFiles() throws {
        let dir = scratchDirectory("keep").appendingPathComponent("results")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        #expect(try simulate([tiny, "--out", dir.path, "--quiet", "--xlsx"]).status == 0)
        try expectSumsHold(dir)
        try "my notes".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("summary.csv"), to: dir.appendingPathComponent("summary-annotated.csv"))
        let before = try contents(dir)
        let refused = try simulate([tiny, "--out", dir.path, "--quiet", "--seed", "8"])
        #expect(refused.status == 73 && refused.stderr.contains("'notes.txt'") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try contents(dir) == before)
        let forced = try simulate([tiny, "--out", dir.path, "--quiet", "--seed", "8", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let after = try contents(dir)
        #expect(after["notes.txt"] == before["notes.txt"] && after["summary-annotated.csv"] == before["summary-annotated.csv"])
        #expect(after["summary.csv"] != before["summary.csv"], "the results were replaced (another seed)")
        #expect(after["results.xlsx"] == nil, "the tool's own file it no longer writes is removed")
        try expectSumsHold(dir, besides: ["notes.txt", "summary-annotated.csv"])
    }

    /// A result the planner edited in place is never overwritten, even with --force.
    @Test func anEditedResultIsNeverOverwritten() throws {
        let dir = scratchDirectory("edited").appendingPathComponent("results")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        #expect(try simulate([tiny, "--out", dir.path, "--quiet"]).status == 0)
        let summary = dir.appendingPathComponent("summary.csv")
        let edited = try read(summary) + "my comment\n"
        try edited.write(to: summary, atomically: true, encoding: .utf8)
        let refused = try simulate([tiny, "--out", dir.path, "--quiet", "--force"])
        #expect(refused.status == 73 && refused.stderr.contains("'summary.csv', changed since simulate wrote it"), "\(refused.stderr)")
        #expect(try read(summary) == edited)
    }

    /// A folder of scenarios that happens to hold a copied run.json (with the tool's marker) was
    /// replaced whole, scenarios and rosters with it, exit 0. Now it is not the tool's: refused,
    /// with or without --force, and every file stays.
    @Test func aFolderWithACopiedRunJSONIsNotReplaced() throws {
        let dir = scratchDirectory("copied-run-json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = dir.appendingPathComponent("results")
        let mine = dir.appendingPathComponent("my-scenarios")
        #expect(try simulate([tiny, "--out", results.path, "--quiet"]).status == 0)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: results.appendingPathComponent("run.json"), to: mine.appendingPathComponent("run.json"))
        try FileManager.default.copyItem(at: URL(fileURLWithPath: tiny), to: mine.appendingPathComponent("town.json"))
        try "NIP;Nama\n".write(to: mine.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let before = try contents(mine)
        for extra in [[], ["--force"]] {
            let outcome = try simulate([tiny, "--out", mine.path, "--quiet"] + extra)
            #expect(outcome.status == 73, "\(extra): \(outcome.stderr)")
            #expect(try contents(mine) == before)
        }
        let legacy = try simulate([tiny, "--out", mine.path, "--quiet"])
        #expect(legacy.stderr.contains("older simulate that kept no list of its files"), "\(legacy.stderr)")
    }

    /// `merge s1 s2 --out s1` would have destroyed an input shard: an output may not be an
    /// input, hold one or sit inside one (exit 64), and the shard is untouched.
    @Test func anOutputMayNotBeAnInput() throws {
        let dir = scratchDirectory("merge-into-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s1 = dir.appendingPathComponent("s1")
        let s2 = dir.appendingPathComponent("s2")
        for (i, s) in [s1, s2].enumerated() {
            #expect(try simulate([tiny, "--shard", "\(i + 1)/2", "--out", s.path, "--quiet"]).status == 0)
        }
        let before = try contents(s1)
        let merge = try simulate(["merge", s1.path, s2.path, "--out", s1.path, "--quiet"])
        #expect(merge.status == 64 && merge.stderr.contains("is the input"), "\(merge.stderr)")
        #expect(try contents(s1) == before)
        let scenarioFolder = try simulate([tiny, "--out", fixtures.path, "--quiet", "--force"])
        #expect(scenarioFolder.status == 64 && scenarioFolder.stderr.contains("holds the input"), "\(scenarioFolder.stderr)")
        #expect(try simulate([tiny, "--out", "", "--quiet"]).status == 64)
    }

    /// Past the documented limits, a usage error, not a crash or an allocation that dies: a
    /// `--set` path of 40,000 parts, a sensitivity design of 10⁸ trajectories. Every roster
    /// read says how many rows it read.
    @Test func limitsAreRefusedAndRowsAreCounted() throws {
        let deep = Array(repeating: "a", count: 40_000).joined(separator: ".") + "=1"
        let set = try simulate([tiny, "--set", deep, "--out", scratchDirectory("deep").path])
        #expect(set.status == 64 && set.stderr.contains("a --set path of more than 64 parts"), "\(set.stderr.prefix(300))")
        let samples = try simulate([
            "sensitivity", "scenarios/baseline.json", "--samples", "100000000", "--out", scratchDirectory("samples").path,
        ])
        #expect(samples.status == 64 && samples.stderr.contains("--samples 100000000 is more than the 20000"), "\(samples.stderr)")
        let dir = scratchDirectory("rows")
        defer { try? FileManager.default.removeItem(at: dir) }
        let roster = try simulate([
            "Tests/SimWorkforceTests/Fixtures/roster-town.json", "--replications", "1", "--out", dir.appendingPathComponent("r").path,
        ])
        #expect(roster.stderr.contains("rosters/town.csv: read 60 employee rows (the roster of town)"), "\(roster.stderr)")
        #expect(roster.stderr.contains("rosters/town-booked.csv: read 1 booked session (town)"), "\(roster.stderr)")
    }

    /// A second run to a folder another run is writing stops with a message naming the first
    /// run's process; a lock left by a process that is gone is taken over, with a note.
    @Test func aSecondRunStopsOnTheFirstsLock() throws {
        let dir = scratchDirectory("lock")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results")
        let lock = dir.appendingPathComponent(".results.lock")
        let me = ProcessInfo.processInfo.processIdentifier
        let host = ProcessInfo.processInfo.hostName
        try "\(me) \(host)\n".write(to: lock, atomically: true, encoding: .utf8)
        let held = try simulate([tiny, "--out", out.path, "--quiet"])
        #expect(
            held.status == 73 && held.stderr.contains("another simulate (process \(me) on \(host)) is writing to \(out.path)"),
            "\(held.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try "\(gone.processIdentifier) \(host)\n".write(to: lock, atomically: true, encoding: .utf8)
        let taken = try simulate([tiny, "--out", out.path, "--quiet"])
        #expect(
            taken.status == 0 && taken.stderr.contains("the lock of an earlier run (process \(gone.processIdentifier)) that was stopped"),
            "\(taken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lock.path), "the lock is given up at the end")
    }

    /// SIGTERM while a run simulates: it removes its staging and its lock, says so, exits 143,
    /// and the earlier results are as they were.
    @Test func aStoppedRunCleansUpAfterItself() throws {
        let dir = scratchDirectory("sigterm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results")
        #expect(try simulate([tiny, "--out", out.path, "--quiet"]).status == 0)
        let before = try contents(out)
        let process = Process()
        process.executableURL = simulateBinary
        process.arguments = ["scenarios/baseline.json", "--replications", "200", "--out", out.path, "--force"]
        process.currentDirectoryURL = packageRoot
        let err = Pipe()
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.terminate()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 143 && stderr.contains("stopped; no results were written"),
            "\(process.terminationStatus) \(stderr)")
        #expect(try contents(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["results"], "no staging or lock left")
    }

    /// A run killed while renaming its files into a folder that also holds the planner's notes
    /// leaves some new files in place and its staging folder beside: the next start knows both
    /// for the tool's (the staging folder's list), clears the leftover with a note, and ends
    /// with a consistent folder.
    @Test func aRunKilledWhileMovingFilesIntoPlaceIsRecovered() throws {
        let dir = scratchDirectory("half-moved")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results")
        let other = dir.appendingPathComponent("other")
        #expect(try simulate([tiny, "--out", out.path, "--quiet"]).status == 0)
        #expect(try simulate([tiny, "--out", other.path, "--quiet", "--seed", "9"]).status == 0)
        try "my notes".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        // What a run killed part-way through its renames leaves: summary.csv and services.csv
        // already the new ones, the rest (run.json moves last) and the new SHA256SUMS still in
        // its staging folder.
        let staging = dir.appendingPathComponent(".results.partial-999999")
        try FileManager.default.moveItem(at: other, to: staging)
        for name in ["services.csv", "summary.csv"] {
            try FileManager.default.removeItem(at: out.appendingPathComponent(name))
            try FileManager.default.moveItem(at: staging.appendingPathComponent(name), to: out.appendingPathComponent(name))
        }
        let outcome = try simulate([tiny, "--out", out.path, "--force", "--seed", "10"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("removed \(staging.path), left by an earlier run that was stopped while writing"), "\(outcome.stderr)")
        #expect(try read(out.appendingPathComponent("notes.txt")) == "my notes")
        try expectSumsHold(out, besides: ["notes.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["results"])
    }

    /// With --force, a file of the planner's that has a name the tool writes stops the run before
    /// any file moves: nothing half-written.
    @Test func aClashStopsTheRunBeforeAnythingMoves() throws {
        let dir = scratchDirectory("clash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "my own brief".write(to: mine.appendingPathComponent("brief.md"), atomically: true, encoding: .utf8)
        let outcome = try simulate([tiny, "--out", mine.path, "--quiet", "--force"])
        #expect(outcome.status == 73 && outcome.stderr.contains("'brief.md', which simulate did not write"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["brief.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["mine"], "no staging left")
    }
}
