import Foundation
import Testing

/// The papercuts a new user hit (issue 19): each with its message and exit code.
@Suite struct PapercutTests {
    var baseline: String { packageRoot.appendingPathComponent("scenarios/baseline.json").path }

    /// `extends` takes an absolute path as it is, and `~/…` in the home directory.
    @Test func extendsTakesAbsoluteAndHomePaths() throws {
        let dir = scratchDirectory("extends")
        defer { try? FileManager.default.removeItem(at: dir) }
        let absolute = dir.appendingPathComponent("absolute.json")
        try #"{ "schemaVersion": 1, "extends": "\#(baseline)", "id": "absolute" }"#.write(to: absolute, atomically: true, encoding: .utf8)
        let outcome = try simulate(["validate", absolute.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let home = dir.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: baseline, toPath: home.appendingPathComponent("plans-baseline.json").path)
        let tilde = dir.appendingPathComponent("tilde.json")
        try #"{ "schemaVersion": 1, "extends": "~/plans-baseline.json", "id": "tilde" }"#.write(
            to: tilde, atomically: true, encoding: .utf8)
        let fromHome = try simulate(["validate", tilde.path], environment: ["HOME": home.path])
        #expect(fromHome.status == 0, "\(fromHome.stderr)")
        let missing = try simulate(["validate", tilde.path], environment: ["HOME": dir.path])
        #expect(missing.status == 65)
        #expect(
            missing.stderr.contains("cannot find '~/plans-baseline.json' (looked for \(dir.path)/plans-baseline.json)"), "\(missing.stderr)"
        )
    }

    /// A misspelt key in `--set` names `--set`, not the scenario file, and gives the full path to write.
    @Test func aMisspeltSetKeyNamesSetAndTheFullPath() throws {
        let outcome = try simulate(["validate", baseline, "--set", "regions.sawahlunto.budget.rupiah=8e8"])
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.contains(
                "--set: error: regions.sawahlunto.budget.rupiah: unknown key 'rupiah'; did you mean --set regions.sawahlunto.budget.rupiahPerYear=8e8?"
            ), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("baseline.json"), "the file is not to blame: \(outcome.stderr)")
    }

    /// A decimal comma gets a hint, once even when several files are run.
    @Test func aDecimalCommaGetsAHint() throws {
        let budgetCut = packageRoot.appendingPathComponent("scenarios/budget-cut-30.json").path
        let outcome = try simulate(["validate", baseline, budgetCut, "--set", "regions.sorong.budget.rupiahPerYear=0,8e9"])
        #expect(outcome.status == 65)
        let line =
            "--set: error: regions.sorong.budget.rupiahPerYear: expected a number, found a string; write the decimal with a point: 0.8e9 (a comma is not a decimal mark in JSON)"
        #expect(outcome.stderr.components(separatedBy: line).count == 2, "said once: \(outcome.stderr)")
    }

    /// `--out` in a place that cannot be written fails at once (exit 73), before any replication:
    /// under a regular file (which stops root too), and in a read-only folder (when not root).
    @Test func anUnwritableOutFailsBeforeRunning() throws {
        let dir = scratchDirectory("unwritable")
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        let blocker = dir.appendingPathComponent("a-file")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        var cases = [(blocker.appendingPathComponent("results").path, "\(blocker.path) is not a folder")]
        let readOnly = dir.appendingPathComponent("read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        if !FileManager.default.isWritableFile(atPath: readOnly.path) {
            cases.append((readOnly.appendingPathComponent("results").path, "is not writable; choose another --out"))
        }
        for (out, message) in cases {
            let started = Date()
            let outcome = try simulate([baseline, "--replications", "200", "--out", out])
            #expect(outcome.status == 73)
            #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("replications of"), "no replication ran: \(outcome.stderr)")
            #expect(Date().timeIntervalSince(started) < 20, "200 replications would take minutes")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly.path)
    }
}
