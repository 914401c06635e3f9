import Foundation
import SimCommandLine
import SimCore
import SimExperiment
import SimScenario
import Testing

/// The studies and the option parser as libraries, without the binary.
@Suite struct StudyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func scenario(_ name: String) -> String { root.appendingPathComponent("scenarios/\(name)").path }

    @Test func sweepAxesSpanTheirRangeAndRefuseNoSteps() throws {
        let axis = try SweepStudy.Axis(parsing: "policy.maxAwayShare=0.1:0.3:5")
        #expect(axis.path == "policy.maxAwayShare")
        #expect(axis.values.count == 5)
        #expect(axis.values.first == 0.1 && axis.values.last == 0.3)
        #expect(abs(axis.values[2] - 0.2) < 1e-12)
        #expect(try SweepStudy.Axis(parsing: "a.b=4:9:1").values == [4])
        #expect(throws: CommandError.self) { try SweepStudy.Axis(parsing: "policy.maxAwayShare=0:1:0") }
        #expect(throws: CommandError.self) { try SweepStudy.Axis(parsing: "policy.maxAwayShare") }
    }

    @Test func aSweepComparesEachPointWithItsFileAsWritten() throws {
        let axes = [try SweepStudy.Axis(parsing: "regions.sawahlunto.budget.rupiahPerYear=0:8e8:2")]
        let study = try SweepStudy(files: [Self.scenario("baseline.json")], axes: axes, common: [Override("simulation.years=1")!])
        #expect(study.loaded.count == 3)
        #expect(study.groups.map(\.points) == [1..<3])
        #expect(study.loaded[1].id == "baseline@regions.sawahlunto.budget.rupiahPerYear=0")
        #expect(study.loaded[2].parameters.regions[0].budget.rupiahPerYear == 8e8)
        let plan = try RunPlan.make(study.loaded, options: .init(replications: 2, jobs: 1))
        let rows = study.run(plan) { _ in }
        // A point equal to nothing changed would show a zero difference; zero budget must show a fall in spending.
        let spent = rows.filter { $0.region == "sawahlunto" && $0.metric.id == "budget.spent_rupiah" }
        #expect(spent.count == 2)
        #expect(spent[0].values == [0] && (spent[0].difference?.mean ?? 0) < 0)
        #expect(spent[0].estimate.mean == 0)
    }

    @Test func aPlanRefusesASeedJSONCannotHoldAndAnUnknownBaseline() throws {
        let loaded = try ScenarioSet.load([Self.scenario("baseline.json"), Self.scenario("pandemic.json")], overrides: [])
        #expect(try RunPlan.make(loaded, options: .init(seed: "9007199254740991")).seed == 9_007_199_254_740_991)
        #expect(throws: CommandError.self) { try RunPlan.make(loaded, options: .init(seed: "9007199254740992")) }
        #expect(throws: CommandError.self) { try RunPlan.make(loaded, options: .init(baseline: "basline")) }
        let plan = try RunPlan.make(loaded, options: .init(baseline: "pandemic"))
        #expect(plan.baseline == 1 && plan.hasBaseline)
        #expect(try RunPlan.make(loaded, options: .init()).baseline == 0)
    }

    @Test func duplicateIdsAreOneProblemNamingBothFiles() {
        do {
            _ = try ScenarioSet.load([Self.scenario("baseline.json"), Self.scenario("baseline.json")], overrides: [])
            Issue.record("two files with one id loaded")
        } catch {
            guard case .scenarios(let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.diagnostics.count == 1)
            #expect(problems.diagnostics[0].message.contains("is also used by"))
        }
    }

    @Test func searchesAreSetAsideUnlessTheyAreAllThereIs() throws {
        let loaded = try ScenarioSet.load([Self.scenario("baseline.json"), Self.scenario("optimise-sawahlunto.json")], overrides: [])
        let (kept, notes) = ScenarioSet.setAsideSearches(loaded, keepingFirst: 0)
        #expect(kept.map(\.id) == ["baseline"])
        #expect(notes.count == 1 && notes[0].contains("optimise-sawahlunto.json"))
        #expect(ScenarioSet.setAsideSearches(Array(loaded.suffix(1)), keepingFirst: 0).kept.count == 1)
    }

    @Test func uncertainDrawsShareOneQuantilePerReplicationAcrossScenarios() throws {
        let loaded = try ScenarioSet.load([Self.scenario("baseline.json"), Self.scenario("budget-plus-50.json")], overrides: [])
        let draws = try UncertainDraws(loaded, baseline: 0, seed: 7, overrides: [])
        let path = try #require(draws.paths.first { !$0.contains("*") }, "a path without a wildcard, so its overrides start with it")
        let u0 = draws.quantile(path, replication: 0)
        let u1 = draws.quantile(path, replication: 1)
        #expect(u0 != u1 && (0...1).contains(u0))
        // Both scenarios draw that path at the same quantile in a replication: their overrides agree there.
        let a = draws.overrides(scenario: 0, replication: 3).filter { $0.path.hasPrefix(path) }
        let b = draws.overrides(scenario: 1, replication: 3).filter { $0.path.hasPrefix(path) }
        #expect(!a.isEmpty && a.map(\.text) == b.map(\.text))
    }

    @Test func optionsAreReadByTheNameTheyWereDeclaredWith() throws {
        let options: [OptionSpec] = [.value(.seed, "S", "seed"), .flag(.quiet, "quiet"), .value(.set, "P=V", "set")]
        let parsed = try Arguments(
            ["a.json", "--seed=5", "--set", "x=1", "--set", "y=2", "--quiet", "b.json"], options: options, command: "run")
        #expect(parsed.positional == ["a.json", "b.json"])
        #expect(parsed.value(.seed) == "5" && parsed.all(.set) == ["x=1", "y=2"] && parsed.flag(.quiet))
        #expect(!parsed.declares(.jobs))
        for words in [["--sed", "5"], ["--quiet=yes"], ["--seed"], ["--seed", " "], ["-x"]] {
            #expect(throws: CommandError.self) { try Arguments(words, options: options, command: "run") }
        }
        do { _ = try Arguments(["--sed", "5"], options: options, command: "run") } catch {
            #expect(error.text.contains("did you mean '--seed'?"))
            #expect(error.status == .usage)
        }
    }
}
