import Foundation
import Testing

/// The baseline is explicit (issue 19): a run without one says so and leaves the differences
/// empty; --baseline-file compares with a file it does not report; `what-if` runs a file and a
/// changed copy side by side.
@Suite(.serialized) struct BaselineTests {
    let budgetCut = "scenarios/budget-cut-30.json"
    let short = ["--years", "1", "--replications", "3", "--quiet"]

    func rows(_ dir: URL, _ name: String) throws -> [[String]] { Array(parseCSV(try read(dir.appendingPathComponent(name))).dropFirst()) }

    /// A what-if on its own has no baseline: stderr says so, the brief says so, and the difference
    /// columns of summary.csv, yearly.csv and services.csv are empty, not 0. Shards and their
    /// merge carry this too.
    @Test func aRunWithoutABaselineLeavesTheDifferencesEmpty() throws {
        let dir = scratchDirectory("no-baseline")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([budgetCut] + short + ["--out", dir.appendingPathComponent("full").path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("no baseline among the files"), "\(outcome.stderr)")
        for (name, first) in [("summary.csv", 8), ("yearly.csv", 10), ("services.csv", 10)] {
            let table = try rows(dir.appendingPathComponent("full"), name)
            #expect(!table.isEmpty)
            #expect(table.allSatisfy { $0[first] == "" && $0[first + 1] == "" && $0[first + 2] == "" }, "\(name): \(table.first ?? [])")
            #expect(table.filter { !$0[first - 4].isEmpty }.count > table.count / 2, "\(name) keeps its means")
        }
        let brief = try read(dir.appendingPathComponent("full/brief.md"))
        #expect(brief.contains("Tidak ada baseline di antara berkas skenario"))
        #expect(!brief.contains("berbeda nyata"), "nothing is compared")
        for i in 1...2 {
            #expect(
                try simulate([budgetCut] + short + ["--shard", "\(i)/2", "--out", dir.appendingPathComponent("s\(i)").path]).status == 0)
        }
        #expect(
            try simulate([
                "merge", dir.appendingPathComponent("s1").path, dir.appendingPathComponent("s2").path, "--quiet",
                "--out", dir.appendingPathComponent("merged").path,
            ]).status == 0)
        #expect(try reproducibleFiles(dir.appendingPathComponent("merged")) == reproducibleFiles(dir.appendingPathComponent("full")))
    }

    /// --baseline-file: the what-if's differences equal those of a run with the baseline among
    /// the files, and the baseline has no rows of its own.
    @Test func aBaselineFileIsComparedWithButNotReported() throws {
        let dir = scratchDirectory("baseline-file")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            try simulate(
                [budgetCut, "--baseline-file", "scenarios/baseline.json"] + short + ["--out", dir.appendingPathComponent("file").path]
            ).status == 0)
        #expect(
            try simulate(["scenarios/baseline.json", budgetCut] + short + ["--out", dir.appendingPathComponent("both").path]).status == 0)
        let file = try rows(dir.appendingPathComponent("file"), "summary.csv")
        let both = try rows(dir.appendingPathComponent("both"), "summary.csv").filter { $0[0] == "budget-cut-30" }
        #expect(!file.contains { $0[0] == "baseline" })
        #expect(file == both)
        #expect(file.contains { $0[2] == "budget.spent_rupiah" && $0[8].hasPrefix("-") }, "the cut spends less")
        let clash = try simulate([
            budgetCut, "--baseline", "baseline", "--baseline-file", "scenarios/baseline.json", "--out",
            dir.appendingPathComponent("x").path,
        ])
        #expect(clash.status == 64 && clash.stderr.contains("give --baseline or --baseline-file, not both"))
    }

    /// `what-if FILE --set …`: the file as written is the baseline and the copy carries the change
    /// (a Sawahlunto budget of Rp 0.8 bn): Sawahlunto spends less, Sorong is exactly unchanged.
    @Test func whatIfRunsTheFileAndItsChangedCopy() throws {
        let dir = scratchDirectory("what-if")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate(
            ["what-if", "scenarios/baseline.json", "--set", "regions.sawahlunto.budget.rupiahPerYear=8e8"] + short
                + ["--out", dir.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try rows(dir, "summary.csv")
        #expect(Set(summary.map { $0[0] }) == ["baseline", "baseline-what-if"])
        let spent = summary.filter { $0[0] == "baseline-what-if" && $0[2] == "budget.spent_rupiah" }
        #expect(spent.first { $0[1] == "sawahlunto" }.flatMap { Double($0[10]) } ?? 0 < 0, "Sawahlunto's spending falls")
        #expect(spent.first { $0[1] == "sorong" }.map { $0[8] } == "0", "Sorong is untouched")
        #expect(try read(dir.appendingPathComponent("brief.md")).contains("regions.sawahlunto.budget.rupiahPerYear=8e8"))
        let none = try simulate(["what-if", "scenarios/baseline.json", "--out", dir.appendingPathComponent("x").path])
        #expect(none.status == 64 && none.stderr.contains("needs at least one --set"))
    }
}
