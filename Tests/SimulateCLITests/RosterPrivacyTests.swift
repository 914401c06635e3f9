import Foundation
import Testing

let rosterScenario = "Tests/SimWorkforceTests/Fixtures/roster-town.json"

/// The NIPs, names and birth dates of the test roster, in the spellings a leak could take.
func rosterPersonalData() throws -> [String] {
    let text = try read(packageRoot.appendingPathComponent("Tests/SimWorkforceTests/Fixtures/rosters/town.csv"))
    var values: [String] = []
    for line in text.split(separator: "\r\n").dropFirst() {
        let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        values += [f[0], f[1], f[6]]
        let d = f[6].split(separator: "-")
        // The birth date in the other order too (ISO ↔ dd-mm-yyyy).
        values.append(d.reversed().joined(separator: "-"))
    }
    return values
}

@Suite struct RosterPrivacyTests {
    /// Every output of a run on a roster (CSV, brief, run.json, the workbook's sheets inflated,
    /// stdout and stderr with progress) is searched for every NIP, name and birth date of the
    /// roster: none is found. run.json names the roster by its SHA-256 only.
    @Test func noOutputHoldsPersonalData() throws {
        let out = scratchDirectory("roster-privacy")
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try simulate([rosterScenario, "--replications", "3", "--out", out.path, "--force", "--xlsx"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var texts = [outcome.stdout, outcome.stderr]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let bytes = [UInt8](try Data(contentsOf: out.appendingPathComponent(name)))
            if name.hasSuffix(".xlsx") {
                texts += try WorkbookTests.unzip(bytes).values.map { String(decoding: $0, as: UTF8.self) }
            } else {
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(texts.count >= 12, "the run wrote its files")
        let personal = try rosterPersonalData()
        #expect(personal.count == 240)
        for value in personal {
            for text in texts where text.contains(value) { Issue.record("'\(value)' found in an output") }
        }
        let runJSON = try read(out.appendingPathComponent("run.json"))
        #expect(runJSON.contains("\"kind\": \"roster\"") || runJSON.contains("\"kind\":\"roster\""))
        #expect(!runJSON.contains("town.csv"), "run.json names the roster by hash, not by path")
    }

    /// The same roster and seed give the same bytes with one worker or two.
    @Test func aRosterRunIsTheSameWhateverTheJobs() throws {
        let one = scratchDirectory("roster-jobs-1")
        let two = scratchDirectory("roster-jobs-2")
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: two)
        }
        for (dir, jobs) in [(one, "1"), (two, "2")] {
            let outcome = try simulate([rosterScenario, "--replications", "4", "--jobs", jobs, "--out", dir.path, "--force", "--quiet"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let a = try reproducibleFiles(one)
        let b = try reproducibleFiles(two)
        #expect(a.count >= 8 && a == b)
    }

    /// Rosters whose columns are shifted or whose header is in another order than the data
    /// (committed fixtures, and one variant per column made here: each data row missing that
    /// cell, and the header with that column swapped with the next) go through validate and run;
    /// stdout, stderr and every file written are searched for every NIP, name and birth date of
    /// the roster: none is there, and the messages say the columns look shifted. On 36357ba
    /// messages such as `Unit Kerja: unknown unit 'Siti Rahmawati 0'` quoted them.
    @Test func shiftedAndReorderedRostersLeakNothing() throws {
        let dir = scratchDirectory("roster-shifted")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try read(packageRoot.appendingPathComponent("Tests/SimWorkforceTests/Fixtures/rosters/town.csv"))
        let lines = source.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        var variants: [(name: String, path: String)] = ["town-shifted.csv", "town-reordered.csv"].map {
            ($0, packageRoot.appendingPathComponent("Tests/SimWorkforceTests/Fixtures/rosters/\($0)").path)
        }
        for k in 0..<(header.count - 1) {
            let dropped =
                [lines[0]]
                + lines.dropFirst().map { line -> String in
                    var cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    cells.remove(at: k)
                    return cells.joined(separator: ";")
                }
            var swapped = header
            swapped.swapAt(k, k + 1)
            for (name, text) in [("dropped-\(k).csv", dropped), ("swapped-\(k).csv", [swapped.joined(separator: ";")] + lines.dropFirst())]
            {
                let url = dir.appendingPathComponent(name)
                try text.joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
                variants.append((name, url.path))
            }
        }
        let personal = try rosterPersonalData()
        var shiftedSaid = 0
        for (name, path) in variants {
            let out = dir.appendingPathComponent("out-\(name)")
            let checked = try simulate(["validate", rosterScenario, "--set", "regions.town.roster=\(path)"])
            let run = try simulate([rosterScenario, "--set", "regions.town.roster=\(path)", "--replications", "1", "--out", out.path])
            var texts = [checked.stdout, checked.stderr, run.stdout, run.stderr]
            for file in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] {
                texts.append(String(decoding: try Data(contentsOf: out.appendingPathComponent(file)), as: UTF8.self))
            }
            for value in valuesFound(personal, in: texts) { Issue.record("\(name): '\(value)' found in an output") }
            if run.stderr.contains("look shifted") { shiftedSaid += 1 }
            if run.status != 0 { #expect(!FileManager.default.fileExists(atPath: out.path), "\(name): a failed run wrote files") }
        }
        #expect(shiftedSaid >= 10, "the columns look shifted in \(shiftedSaid) of \(variants.count) variants")
    }

    /// A roster's path given with --set is recorded by its SHA-256 only, in run.json and in a
    /// shard's partial.json (36357ba wrote the path into `commandLine`).
    @Test func aRosterPathGivenWithSetIsRecordedByHashOnly() throws {
        let dir = scratchDirectory("roster-set-path")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("pegawai-kota-2026.csv")
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Tests/SimWorkforceTests/Fixtures/rosters/town.csv"), to: copy)
        let set = ["--set", "regions.town.roster=\(copy.path)", "--replications", "2", "--quiet"]
        #expect(try simulate([rosterScenario] + set + ["--out", dir.appendingPathComponent("run").path]).status == 0)
        #expect(try simulate([rosterScenario] + set + ["--shard", "1/2", "--out", dir.appendingPathComponent("shard").path]).status == 0)
        for file in ["run/run.json", "shard/partial.json"] {
            let text = try read(dir.appendingPathComponent(file))
            #expect(!text.contains("pegawai-kota-2026"), "\(file) names the roster's path")
            #expect(text.contains("regions.town.roster=sha256:"), "\(file) records the --set by hash")
        }
    }

    /// A broken roster stops the run before anything is written: exit 65, no output folder.
    @Test func aBrokenRosterWritesNothing() throws {
        let out = scratchDirectory("roster-broken").appendingPathComponent("results")
        let outcome = try simulate([
            "Tests/SimScenarioTests/BrokenRosters/town.json", "--set", "regions.town.roster=many-problems.csv", "--out", out.path,
        ])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("many-problems.csv:2:6: error: Status: not a value this column takes"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
