import Foundation
import Testing

/// `simulate optimise` end to end on the bundled example, with small budgets: the search and the
/// selection themselves are checked without a model in SimOptimiseTests.
@Suite struct OptimiseTests {
    static let example = "scenarios/optimise-sawahlunto.json"

    static func rows(_ file: URL) throws -> [[String: String]] {
        let table = parseCSV(try read(file))
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(table[0], $0)) }
    }

    /// The test: the winner of a small search, re-run as a scenario on another seed,
    /// beats the plan as written with a paired interval above 0 and keeps the IKM at or above the
    /// example's constraint in every year.
    @Test func theBestPlanBeatsThePlanAsWrittenOnAnotherSeedAndMeetsTheConstraint() throws {
        let dir = scratchDirectory("optimise-example")
        let out = dir.appendingPathComponent("search")
        let search = try simulate([
            "optimise", Self.example, "--evaluations", "16", "--replications", "6", "--confirm", "10", "--out", out.path, "--quiet",
        ])
        #expect(search.status == 0, "\(search.stderr)")
        let best = try read(out.appendingPathComponent("best.json"))
        #expect(best.contains("\"optimise\": null") && best.contains("\"extends\": "))
        let candidates = try Self.rows(out.appendingPathComponent("optimise.csv"))
        #expect(candidates.count >= 17 && candidates.filter { $0["chosen"] == "1" }.count == 1)
        #expect(candidates.first?["stage"] == "as-written")
        #expect(candidates.first { $0["chosen"] == "1" }?["meets_constraints"] == "1")
        let html = try read(out.appendingPathComponent("optimise.html"))
        #expect(html.contains("data-plan=\"chosen\"") && html.contains("data-front=\"pareto\"") && html.contains("Rencana terpilih"))

        let rerun = dir.appendingPathComponent("rerun")
        let outcome = try simulate([
            "run", out.appendingPathComponent("best.json").path, "--baseline-file", Self.example,
            "--seed", "7", "--replications", "10", "--out", rerun.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let summary = try Self.rows(rerun.appendingPathComponent("summary.csv"))
        let gain = summary.first { $0["region"] == "sawahlunto" && $0["metric"] == "competency.share_at_standard" }
        #expect(
            (Double(gain?["delta_ci_low"] ?? "") ?? 0) > 0, "the best plan should beat the plan as written: \(String(describing: gain))")
        let years = try Self.rows(rerun.appendingPathComponent("yearly.csv")).filter {
            $0["metric"] == "service.ikm" && $0["region"] == "sawahlunto"
        }
        #expect(years.count == 5)
        let example = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.example))) as? [String: Any]
        let constraint = ((example?["optimise"] as? [String: Any])?["constraints"] as? [[String: Any]])?.first
        let floor = try #require(constraint?["atLeast"] as? Double)
        for year in years { #expect((Double(year["mean"] ?? "") ?? 0) >= floor, "IKM below the constraint \(floor): \(year)") }
    }

    /// Stopped after its first batch and resumed (with another --jobs), the search gives the same
    /// bytes as one never stopped; a journal from another problem is refused, not reused.
    @Test func interruptingAndResumingGivesTheSameBestPlan() throws {
        let dir = scratchDirectory("optimise-resume")
        let args = ["optimise", Self.example, "--evaluations", "10", "--replications", "4", "--confirm", "4", "--years", "2", "--quiet"]
        let whole = dir.appendingPathComponent("whole")
        let resumed = dir.appendingPathComponent("resumed")
        #expect(try simulate(args + ["--out", whole.path]).status == 0)
        let paused = try simulate(args + ["--out", resumed.path, "--pause-after", "1"])
        #expect(paused.status == 75, "\(paused.stderr)")
        #expect(paused.stderr.contains("run the same command again"))
        #expect(!FileManager.default.fileExists(atPath: resumed.path))
        let journal = resumed.path + ".journal"
        #expect(FileManager.default.fileExists(atPath: journal))

        let other = try simulate(args + ["--out", resumed.path, "--set", "policy.leadershipSupport=0.5"])
        #expect(other.status == 64 && other.stderr.contains("was written for another problem"), "\(other.stderr)")

        let finished = try simulate(args + ["--out", resumed.path, "--jobs", "1"])
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal))
        for name in ["best.json", "optimise.csv", "optimise.html"] {
            #expect(
                try read(whole.appendingPathComponent(name)) == read(resumed.appendingPathComponent(name)), "\(name) differs after a resume"
            )
        }
    }

    @Test func badOptimiseBlocksGetClearErrorsAndWriteNothing() throws {
        let dir = scratchDirectory("optimise-bad")
        let outcome = try simulate([
            "optimise", "Tests/SimulateCLITests/Fixtures/bad-optimise.json", "--out", dir.appendingPathComponent("out").path,
        ])
        #expect(outcome.status == 65)
        for expected in [
            "optimise.minimise: give 'maximise' or 'minimise', not both",
            "optimise.constraints[0]: a constraint needs 'atLeast' or 'atMost'",
            "optimise.decisions[0].path: unknown path: 'policy' has no key 'maxAwaySahre'; did you mean 'policy.maxAwayShare'?",
            "optimise.decisions[1].choices[1]: unknown value 'byLottery', expected one of needsBased, equalHours, seniority, random",
            "optimise.decisions[2].path: policy.maxAwayShare accepts values up to 1; the range reaches 1.5",
            "optimise.decisions[3].path: 'regions.sawahlunto.name' is string, not a number",
            "optimise.decisions[4]: a split needs 'total'",
            "optimise.decisions[5]: a decision is a range (path, low, high), a choice (path, choices) or a split (split, total); give only one",
        ] {
            #expect(outcome.stderr.contains(expected), "missing: \(expected)\n\(outcome.stderr)")
        }
        #expect(outcome.stderr.contains("bad-optimise.json:9:"), "errors name the file and line")
        let metric = try simulate([
            "optimise", "Tests/SimulateCLITests/Fixtures/bad-optimise-metric.json", "--out", dir.appendingPathComponent("out").path,
        ])
        #expect(
            metric.status == 65
                && metric.stderr.contains("unknown metric 'competency.share_at_standrd'; did you mean 'competency.share_at_standard'?"))
        let none = try simulate(["optimise", "scenarios/baseline.json", "--out", dir.appendingPathComponent("out").path])
        #expect(none.status == 64 && none.stderr.contains("has no optimise block"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.journal").path))
    }

    /// `simulate scenarios/*.json` runs what-ifs: the search file is left out with a note.
    @Test func aRunOfEveryFileLeavesTheSearchOut() throws {
        let dir = scratchDirectory("optimise-left-out")
        let outcome = try simulate([
            "run", "scenarios/baseline.json", Self.example, "--replications", "2", "--years", "1", "--out", dir.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("left out \(Self.example)"))
        let summary = try Self.rows(dir.appendingPathComponent("summary.csv"))
        #expect(!summary.contains { $0["scenario"] == "optimise-sawahlunto" })
    }
}
