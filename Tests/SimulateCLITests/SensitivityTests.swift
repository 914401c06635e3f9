import Foundation
import Testing

/// `simulate sensitivity` end to end on the bundled baseline, kept small (one year, two
/// replications per point, four Morris trajectories of three factors): what is checked is the
/// plumbing from uncertainty block to indices, not the indices' precision (the estimators are
/// checked against closed forms in SimSensitivityTests).
@Suite struct SensitivityTests {
    static let factors = "regions.sawahlunto.headcount,regions.sorong.motivation.mean,learning.transfer.floorShare"
    static let small = [
        "sensitivity", "scenarios/baseline.json", "--samples", "4", "--replications", "2", "--years", "1",
        "--factors", factors, "--bootstrap", "200", "--quiet",
    ]

    static func rows(_ directory: URL) throws -> [[String: String]] {
        let table = parseCSV(try read(directory.appendingPathComponent("sensitivity.csv")))
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(table[0], $0)) }
    }

    /// A parameter that only Sorong reads cannot move Sawahlunto (the regions are simulated apart),
    /// so its Sawahlunto intervals include 0; in Sorong the same parameter does move the IKM.
    @Test func aSorongOnlyParameterHasSawahluntoIntervalsThatIncludeZero() throws {
        let dir = scratchDirectory("sensitivity-regions")
        let outcome = try simulate(Self.small + ["--out", dir.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = try Self.rows(dir)
        let sorongFactor = rows.filter { $0["parameter"] == "regions.sorong.motivation.mean" }
        let inSawahlunto = sorongFactor.filter { $0["region"] == "sawahlunto" }
        #expect(inSawahlunto.count > 10)
        for row in inSawahlunto {
            let low = Double(row["ci_low"] ?? "") ?? .nan
            let high = Double(row["ci_high"] ?? "") ?? .nan
            #expect(low <= 0 && 0 <= high, "\(row)")
        }
        let sorongIKM = sorongFactor.first { $0["region"] == "sorong" && $0["metric"] == "service.ikm" && $0["index"] == "mu_star" }
        #expect((Double(sorongIKM?["ci_low"] ?? "") ?? 0) > 0, "motivation should move Sorong's IKM: \(String(describing: sorongIKM))")
        // Sawahlunto's unpublished headcount moves its IKM through the waits at its counters (SKM element
        // U3, one ninth of the IKM): more than a point over its range (about 2 in this small screening).
        let headcount = rows.first {
            $0["region"] == "sawahlunto" && $0["metric"] == "service.ikm" && $0["parameter"] == "regions.sawahlunto.headcount"
                && $0["index"] == "mu_star"
        }
        #expect((Double(headcount?["ci_low"] ?? "") ?? 0) > 1, "\(String(describing: headcount))")
        let html = try read(dir.appendingPathComponent("sensitivity.html"))
        #expect(html.contains("data-parameter=\"regions.sawahlunto.headcount\"") && html.contains("Apa yang paling menentukan hasil?"))
    }

    @Test func theSameBytesWhateverJobsAndShardSplit() throws {
        let dir = scratchDirectory("sensitivity-shards")
        let args = Self.small + ["--method", "sobol", "--samples", "3"]
        #expect(try simulate(args + ["--jobs", "1", "--out", dir.appendingPathComponent("one").path]).status == 0)
        #expect(try simulate(args + ["--jobs", "2", "--out", dir.appendingPathComponent("two").path]).status == 0)
        for i in 1...3 {
            let outcome = try simulate(args + ["--shard", "\(i)/3", "--out", dir.appendingPathComponent("s\(i)").path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        // A missing shard is refused by name.
        let partial = try simulate([
            "merge", dir.appendingPathComponent("s1").path, dir.appendingPathComponent("s3").path,
            "--out", dir.appendingPathComponent("bad").path, "--quiet",
        ])
        #expect(partial.status != 0 && partial.stderr.contains("are in no shard given"))
        let merged = try simulate(
            ["merge"] + (1...3).map { dir.appendingPathComponent("s\($0)").path } + [
                "--out", dir.appendingPathComponent("merged").path, "--quiet",
            ])
        #expect(merged.status == 0, "\(merged.stderr)")
        let reference = try reproducibleFiles(dir.appendingPathComponent("one"))
        #expect(reference.keys.sorted() == ["sensitivity.csv", "sensitivity.html"])
        #expect(try reproducibleFiles(dir.appendingPathComponent("two")) == reference)
        #expect(try reproducibleFiles(dir.appendingPathComponent("merged")) == reference)
        #expect(try Self.rows(dir.appendingPathComponent("one")).contains { $0["index"] == "ST" })
    }

    @Test func badUncertaintyBlocksAreRefusedWithTheirPathAndReason() throws {
        let dir = scratchDirectory("sensitivity-bad")
        let outcome = try simulate([
            "sensitivity", "Tests/SimulateCLITests/Fixtures/bad-uncertainty.json", "--out", dir.appendingPathComponent("out").path,
        ])
        #expect(outcome.status == 65)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        for expected in [
            "uncertainty.regions.sawahlunto.headcont: unknown path: 'regions.sawahlunto' has no key 'headcont'; did you mean 'regions.sawahlunto.headcount'?",
            "uncertainty.regions.sawahlunto.name: 'regions.sawahlunto.name' is string, not a number",
            "uncertainty.regions.sorong.headcount.low: low 5500 is above high 4500",
            "uncertainty.learning.transfer.floorShare: learning.transfer.floorShare accepts values up to 1; the range reaches 1.4",
            "uncertainty.participation.baseAcceptance: a triangular distribution needs 'mode'",
            "uncertainty.policy.allocation: 'policy.allocation' is `needsBased`",
        ] {
            #expect(outcome.stderr.contains(expected), "missing: \(expected)\n\(outcome.stderr)")
        }
        #expect(outcome.stderr.contains("bad-uncertainty.json:6:"))  // the file and line of the first
    }

    /// docs/uncertainty.md states and justifies every range of the baseline's block.
    @Test func theDocsTableHasEveryRangeOfTheBaseline() throws {
        let doc = try read(packageRoot.appendingPathComponent("docs/uncertainty.md"))
        let baseline =
            try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("scenarios/baseline.json")))
            as? [String: Any]
        let block = try #require(baseline?["uncertainty"] as? [String: [String: Any]])
        #expect(block.count >= 15)
        for (path, entry) in block {
            let row = doc.split(separator: "\n").first { $0.hasPrefix("| `\(path)` |") }
            #expect(row != nil, "docs/uncertainty.md has no row for \(path)")
            #expect(row?.contains(entry["source"] as? String ?? "?") == true, "the row for \(path) does not give its source")
        }
    }

    @Test func unknownFactorsAndScenariosWithoutABlockAreUsageErrors() throws {
        let dir = scratchDirectory("sensitivity-usage")
        let typo = try simulate(["sensitivity", "scenarios/baseline.json", "--factors", "regions.sawahlunto.headcont", "--out", dir.path])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'regions.sawahlunto.headcount'?"))
        let none = try simulate(["sensitivity", "Tests/SimulateCLITests/Fixtures/tiny.json", "--out", dir.path])
        #expect(none.status == 64 && none.stderr.contains("has no uncertainty block"))
    }
}

/// `run --uncertain`: parameter uncertainty enters every interval and every paired difference.
@Suite struct UncertainRunTests {
    static func summary(_ directory: URL) throws -> [[String: String]] {
        let table = parseCSV(try read(directory.appendingPathComponent("summary.csv")))
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(table[0], $0)) }
    }

    /// Sawahlunto's headcount alone (1,300–2,300) moves its IKM by several points, far more than
    /// replication noise at a fixed headcount: with the draws the baseline's interval must be
    /// several times wider. The what-if's probability of beating the baseline is in the brief.
    @Test func drawsWidenTheIntervalsAndTheBriefGivesTheProbabilityOfBeatingTheBaseline() throws {
        let dir = scratchDirectory("uncertain")
        let args = [
            "scenarios/baseline.json", "scenarios/budget-plus-50.json", "--replications", "16", "--years", "1", "--quiet", "--lang", "en",
        ]
        #expect(try simulate(args + ["--fixed-inputs", "--out", dir.appendingPathComponent("fixed").path]).status == 0)
        // Drawing is the default; --uncertain (older command lines) says the same.
        let drawn = try simulate(args + ["--jobs", "1", "--out", dir.appendingPathComponent("drawn").path])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(try simulate(args + ["--uncertain", "--jobs", "2", "--out", dir.appendingPathComponent("drawn2").path]).status == 0)
        #expect(try reproducibleFiles(dir.appendingPathComponent("drawn")) == reproducibleFiles(dir.appendingPathComponent("drawn2")))
        func halfWidth(_ rows: [[String: String]]) -> Double {
            let row = rows.first { $0["scenario"] == "baseline" && $0["region"] == "sawahlunto" && $0["metric"] == "service.ikm" }
            return ((Double(row?["ci_high"] ?? "") ?? .nan) - (Double(row?["ci_low"] ?? "") ?? .nan)) / 2
        }
        let fixed = halfWidth(try Self.summary(dir.appendingPathComponent("fixed")))
        let uncertain = halfWidth(try Self.summary(dir.appendingPathComponent("drawn")))
        #expect(uncertain > 3 * fixed, "IKM half-width \(uncertain) with draws against \(fixed) without")
        let run = try read(dir.appendingPathComponent("drawn/run.json"))
        #expect(run.contains("\"uncertain\": [\"regions.sawahlunto.headcount\""))
        let brief = try read(dir.appendingPathComponent("drawn/brief.html"))
        #expect(brief.contains("How sure? The probability of beating “Baseline: current practice”"))
        #expect(!(try read(dir.appendingPathComponent("fixed/brief.html"))).contains("How sure?"))
        // More money trains more people in every draw: the 20 JP share beats the baseline in (nearly) all of them.
        let marker = "data-scenario=\"budget-plus-50\" data-region=\"sorong\" data-metric=\"jp.share_reaching_20\" data-value=\""
        let value = brief.range(of: marker).map { brief[$0.upperBound...].prefix { $0 != "\"" } }.flatMap { Double(String($0)) }
        #expect((value ?? 0) >= 0.9, "probability \(String(describing: value))")
    }

    @Test func shardsOfAnUncertainRunMergeIntoTheSameBytes() throws {
        let dir = scratchDirectory("uncertain-shards")
        let args = [
            "scenarios/baseline.json", "scenarios/budget-plus-50.json", "--uncertain", "--replications", "6", "--years", "1", "--quiet",
        ]
        #expect(try simulate(args + ["--out", dir.appendingPathComponent("whole").path]).status == 0)
        for i in 1...2 {
            #expect(try simulate(args + ["--shard", "\(i)/2", "--out", dir.appendingPathComponent("s\(i)").path]).status == 0)
        }
        #expect(
            try simulate([
                "merge", dir.appendingPathComponent("s1").path, dir.appendingPathComponent("s2").path,
                "--out", dir.appendingPathComponent("merged").path, "--quiet",
            ]).status == 0)
        let whole = try reproducibleFiles(dir.appendingPathComponent("whole"))
        #expect(whole["brief.html"]?.contains("Seberapa yakin?") == true)
        #expect(try reproducibleFiles(dir.appendingPathComponent("merged")) == whole)
    }

    /// A what-if that sets a value the baseline is unsure of keeps its own value (its policy), and
    /// says so; the baseline still draws it. With the headcount drawn, the baseline's Sawahlunto
    /// headcount spreads over replications and the what-if's does not.
    @Test func aWhatIfKeepsTheValueItSets() throws {
        let dir = scratchDirectory("uncertain-own")
        let outcome = try simulate([
            "scenarios/baseline.json", "Tests/SimulateCLITests/Fixtures/hire-more.json", "--uncertain",
            "--replications", "6", "--years", "1", "--out", dir.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("note: hire-more sets its own regions.sawahlunto.headcount; those are not drawn for it"))
        let rows = try Self.summary(dir)
        func spread(_ scenario: String) -> Double {
            let row = rows.first { $0["scenario"] == scenario && $0["region"] == "sawahlunto" && $0["metric"] == "workforce.headcount" }
            return (Double(row?["ci_high"] ?? "") ?? .nan) - (Double(row?["ci_low"] ?? "") ?? .nan)
        }
        #expect(spread("baseline") > 200, "the baseline's headcount is drawn from 1,300–2,300")
        #expect(spread("hire-more") < spread("baseline") / 5, "the what-if keeps its 2,200")
    }
}
