import Foundation
import Testing

/// What changes an answer without a word is said: each warning code is raised by a run that
/// causes it and not by the same run without the cause, in run.json, on stderr (one line each,
/// in the brief's language) and in the brief's "Perhatian" box.
@Suite struct WarningTests {
    static let tiny = packageRoot.appendingPathComponent("Tests/SimulateCLITests/Fixtures/tiny.json").path
    static let fromRoster = packageRoot.appendingPathComponent("scenarios/from-roster.json").path
    static let baseline = packageRoot.appendingPathComponent("scenarios/baseline.json").path

    struct Run {
        var codes: [String]
        var warnings: [[String: Any]]
        var stderr: String
        var brief: String
    }

    static func run(_ arguments: [String], _ name: String) throws -> Run {
        let dir = scratchDirectory("warnings-\(name)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate(arguments + ["--years", "1", "--replications", "2", "--out", dir.path, "--force", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("run.json"))) as? [String: Any]
        let warnings = json?["warnings"] as? [[String: Any]] ?? []
        return Run(
            codes: warnings.compactMap { $0["code"] as? String }, warnings: warnings, stderr: outcome.stderr,
            brief: try read(dir.appendingPathComponent("brief.md")))
    }

    /// (the run that causes it, the same run without the cause, the code).
    static let cases: [(cause: [String], control: [String], code: String)] = [
        // Money released a tenth in the first quarter: the first quarter's sessions cannot be paid.
        (
            [tiny, "--set", "regions.town.budget.quarterShares=[0.1,0.3,0.3,0.3]"],
            [tiny, "--set", "regions.town.budget.quarterShares=[1,0,0,0]"], "sessions-trimmed"
        ),
        // A roster of 1,800 people in place of a stated 5,000.
        ([fromRoster, "--set", "regions.sawahlunto.headcount=5000"], [fromRoster], "roster-partial"),
        // 400 requests a day at a counter of a few staff: demand far beyond capacity.
        ([tiny, "--set", "regions.town.units.counter.service.requestsPerDay=400"], [tiny], "counter-overloaded"),
        ([tiny, "--set", "regions.town.units.counter.service.requestsPerDay=400"], [tiny], "percentile-capped"),
        // Every request needs ten staff-hours of back-office work from a few staff: the backlog runs away.
        (
            [tiny, "--set", #"regions.town.units.counter.service.backOffice={"share":1,"minutesPerRequest":600,"staffShare":0.05}"#],
            [tiny, "--set", #"regions.town.units.counter.service.backOffice={"share":1,"minutesPerRequest":1,"staffShare":0.05}"#],
            "back-office-late"
        ),
        // Sorong starting a level further from its standard: far fewer than 35% at standard at the start.
        (
            [baseline, "--set", "regions.sorong.initialGapLevels=1", "--region", "sorong", "--fixed-inputs"],
            [baseline, "--region", "sorong", "--fixed-inputs"],
            "fact-not-met"
        ),
        // A programme a donor pays for: "budget spent" leaves its cost out.
        ([tiny, "--set", "programmes.digital-101.fundedBy=\"external\""], [tiny], "paid-from-outside"),
    ]

    @Test(arguments: 0..<7)
    func eachWarningIsRaisedByItsCauseAndOnlyThen(index: Int) throws {
        let (cause, control, code) = Self.cases[index]
        let raised = try Self.run(cause, "\(code)-cause")
        #expect(raised.codes.contains(code), "\(code) not raised: \(raised.codes)")
        let quiet = try Self.run(control, "\(code)-control")
        #expect(!quiet.codes.contains(code), "\(code) raised without its cause: \(quiet.warnings)")
        // Every warning: one stderr line, in the brief's language, and its kind in the Perhatian box.
        let lines = raised.stderr.split(separator: "\n").filter { $0.hasPrefix("simulate: perhatian: ") }
        #expect(lines.count == raised.warnings.count, "\(raised.stderr)")
        for warning in raised.warnings {
            let what = warning["what_id"] as? String ?? ""
            #expect(lines.contains { $0.hasSuffix(what) }, "stderr says \(what)")
            #expect(raised.brief.contains(what), "the caveats give \(what)")
            // How many people, rows or months (a missed fact's count is its value, which may be 0).
            if warning["code"] as? String != "fact-not-met" {
                #expect(((warning["count"] as? NSNumber)?.doubleValue ?? 0) > 0, "\(warning)")
            }
            for key in ["scenario", "region", "what"] { #expect(warning[key] is String, "\(key) in \(warning)") }
        }
        #expect(raised.brief.contains("> **Perhatian**") || raised.brief.contains("Tidak ada baseline"), "the box on page 1")
    }

    /// The bundled baseline raises no warning but what it earns. In both cities: the planning
    /// engine books sessions against the whole year's budget while the money comes by quarter, so
    /// sessions at a quarter's end lose people (a finding, reported in issue 35's note); and each
    /// city's Dukcapil, an office with a Lebaran peak, has more demand than capacity in its Lebaran
    /// months (its citizens are then sent home at closing: issue 38's note). At its central values
    /// it misses one stylised fact over its first year, Sawahlunto's IKM (docs/validation.md); over
    /// five years Sorong's 20 JP share falls below the fact's 25% floor too, reported by
    /// FactsCommandTests. A run that draws its inputs is not held to the facts (they describe the
    /// model at central values), and its draws may overload other counters in other months.
    @Test func theBundledBaselineRaisesOnlyWhatItEarns() throws {
        let baseline = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let fixed = try Self.run([baseline, "--lang", "en", "--fixed-inputs"], "bundled-baseline1")
        #expect(
            fixed.codes.sorted() == ["counter-overloaded", "counter-overloaded", "fact-not-met", "sessions-trimmed", "sessions-trimmed"],
            "\(fixed.warnings)")
        let drawn = try Self.run([baseline, "--lang", "en"], "bundled-baseline0")
        #expect(drawn.codes.filter { $0 == "sessions-trimmed" }.count == 2, "\(drawn.warnings)")
        #expect(drawn.codes.allSatisfy { ["sessions-trimmed", "counter-overloaded"].contains($0) }, "\(drawn.warnings)")
        #expect(
            drawn.stderr.contains("simulate: warning: sessions-trimmed · baseline · sawahlunto: in Kota Sawahlunto,"), "\(drawn.stderr)")
    }
}

/// A relative uncertainty range on a bounded input is checked once, against the scenario's own
/// value: a share of 0.6 drawn ×0.5–1.5 reaches 0.9 and runs (its corners were once multiplied
/// again, 0.9 × 1.5, and refused); a share of 0.8 would reach 1.2 and is refused, naming the path.
@Suite struct RelativeRangeTests {
    @Test(arguments: [(0.6, true), (0.8, false)])
    func aRelativeRangeIsCheckedAgainstTheScenariosOwnValue(returnShare: Double, runs: Bool) throws {
        let dir = scratchDirectory("relative-range")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("drawn.json")
        let path = "regions.town.units.counter.service.returnShare"
        try #"""
        { "schemaVersion": 1, "extends": "\#(WarningTests.tiny)", "id": "drawn",
          "regions": { "town": { "units": { "counter": { "service": { "returnShare": \#(returnShare) } } } } },
          "uncertainty": { "\#(path)": { "relative": true, "low": 0.5, "high": 1.5, "source": "test" } } }
        """#.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try simulate([scenario.path, "--replications", "2", "--out", dir.appendingPathComponent("out").path, "--quiet"])
        #expect((run.status == 0) == runs, "\(run.stderr)")
        if !runs { #expect(run.stderr.contains("uncertainty.\(path)") && run.stderr.contains("1.2"), "\(run.stderr)") }
    }
}
