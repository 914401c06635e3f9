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
        let one = scratchDirectory("roster-jobs-1"), two = scratchDirectory("roster-jobs-2")
        defer { try? FileManager.default.removeItem(at: one); try? FileManager.default.removeItem(at: two) }
        for (dir, jobs) in [(one, "1"), (two, "2")] {
            let outcome = try simulate([rosterScenario, "--replications", "4", "--jobs", jobs, "--out", dir.path, "--force", "--quiet"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let a = try reproducibleFiles(one), b = try reproducibleFiles(two)
        #expect(a.count >= 8 && a == b)
    }

    /// A broken roster stops the run before anything is written: exit 65, no output folder.
    @Test func aBrokenRosterWritesNothing() throws {
        let out = scratchDirectory("roster-broken").appendingPathComponent("results")
        let outcome = try simulate(["Tests/SimScenarioTests/BrokenRosters/town.json", "--set", "regions.town.roster=many-problems.csv", "--out", out.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("many-problems.csv:2:6: error: Status: unknown status 'Honorer'"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
