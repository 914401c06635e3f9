import Foundation
import SimScenario
import Testing

@Suite struct ExtendsAndOverrideTests {
    func node(_ text: String) throws -> JSONNode { try JSONParser.parse(text, file: "test.json") }

    /// A new empty directory for what-if files; the caller removes it.
    func scratch(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func mergeIsDeepAndNullRemovesAKey() throws {
        let base = try node(#"{"a": {"b": 1, "c": 2}, "list": [1, 2], "gone": {"x": 1}, "keep": true}"#)
        let overlay = try node(#"{"a": {"c": 3, "d": 4}, "list": [9], "gone": null}"#)
        let merged = base.merged(with: overlay)
        #expect(merged == (try node(#"{"a": {"b": 1, "c": 3, "d": 4}, "list": [9], "keep": true}"#)))
        #expect(merged.members?.map(\.key) == ["a", "list", "keep"], "base order kept")
    }

    /// A problem in a value the what-if inherits is reported in the what-if, where the planner can
    /// change it, with the line of the base it came from and what to write. Removing a region
    /// takes its inherited uncertainty entries with it, with a note.
    @Test func inheritedProblemsNameTheWhatIfAndARemovedRegionTakesItsEntries() throws {
        let dir = try scratch("inherit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let broken = dir.appendingPathComponent("fewer-domains.json")
        try #"{"schemaVersion": 1, "extends": "\#(base)", "id": "x", "domains": {"leadership": null}}"#.write(
            to: broken, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(broken.path)
            Issue.record("a what-if whose programmes name removed domains loaded")
        } catch {
            let first = try #require(error.diagnostics.first { $0.path == "programmes.leadership-coaching.domains.leadership" })
            #expect(first.file == broken.path && first.location == nil)
            #expect(
                first.message.contains(
                    "(inherited from baseline.json, line 48; write 'programmes.leadership-coaching.domains.leadership' in fewer-domains.json to replace it, or null to drop it)"
                ),
                "\(first.message)")
        }
        let alone = dir.appendingPathComponent("alone.json")
        try #"{"schemaVersion": 1, "extends": "\#(base)", "id": "alone", "regions": {"sorong": null}}"#.write(
            to: alone, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(alone.path)
        #expect(scenario.parameters.regions.map(\.id) == ["sawahlunto"])
        #expect(!scenario.uncertainty.contains { $0.path.hasPrefix("regions.sorong.") })
        #expect(scenario.uncertainty.contains { $0.path == "regions.sawahlunto.headcount" })
        #expect(
            scenario.notes == [
                "alone.json: removes region 'sorong', so 7 inherited uncertainty entries on it are dropped too (regions.sorong.headcount, regions.sorong.initialGapLevels, regions.sorong.motivation.mean, regions.sorong.internetQuality, regions.sorong.units.*.service.requestsPerDay, regions.sorong.units.*.service.skm.*, regions.sorong.units.dukcapil.service.demand.peaks[0].multiplier)"
            ])
    }

    /// A what-if that removes Sorong from the bundled coaching earmark keeps Sawahlunto's earmark
    /// and drops Sorong's with a note; an earmark for a region the scenario never had (a typo) is
    /// an error at its key, not money left silently in the common budget.
    @Test func earmarksFollowTheRegionsAndAMisspeltRegionIsRefused() throws {
        let dir = try scratch("earmark")
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = packageRoot.appendingPathComponent("scenarios/coaching-earmark.json").path
        let alone = dir.appendingPathComponent("alone.json")
        try #"{"schemaVersion": 1, "extends": "\#(base)", "id": "alone", "regions": {"sorong": null}}"#.write(
            to: alone, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(alone.path)
        let coaching = try #require(scenario.parameters.programmes.first { $0.id == "leadership-coaching" })
        #expect(coaching.budgetRupiahPerYear == ["sawahlunto": 200_000_000])
        #expect(
            scenario.notes.contains(
                "alone.json: removes region 'sorong', so 1 inherited programmes entry on it is dropped too (programmes.leadership-coaching.budgetRupiahPerYear.sorong)"
            ), "\(scenario.notes)")
        let typo = [Override("programmes.leadership-coaching.budgetRupiahPerYear.soront=1000")!]
        do {
            _ = try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/baseline.json").path, overrides: typo)
            Issue.record("an earmark for an unknown region loaded")
        } catch {
            #expect(error.diagnostics.map(\.path) == ["programmes.leadership-coaching.budgetRupiahPerYear.soront"], "\(error)")
            #expect(error.diagnostics.first?.message.contains("did you mean 'sorong'?") == true, "\(error)")
        }
    }

    @Test func whatIfFilesInheritEverythingTheyDoNotChange() throws {
        let base = try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/baseline.json").path)
        let plus = try ScenarioLoader.load(packageRoot.appendingPathComponent("scenarios/budget-plus-50.json").path)
        #expect(plus.id == "budget-plus-50")
        #expect(plus.parameters.regions.map(\.budget.rupiahPerYear) == base.parameters.regions.map { $0.budget.rupiahPerYear * 1.5 })
        #expect(plus.parameters.programmes.map(\.id) == base.parameters.programmes.map(\.id))
        #expect(plus.parameters.regions.map(\.headcount) == base.parameters.regions.map(\.headcount))
    }

    @Test func setAddressesRegionsAndProgrammesByID() throws {
        let path = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let overrides = [
            "regions.sorong.budget.rupiahPerYear=1.5e9", "programmes.latsar.seatsPerSession=40",
            "policy.blackoutMonths=[6,12]", "shocks=[{\"kind\":\"budgetCut\",\"from\":\"2028-01\"}]",
        ].compactMap(Override.init)
        #expect(overrides.count == 4)
        let scenario = try ScenarioLoader.load(path, overrides: overrides)
        let sorong = try #require(scenario.parameters.regions.first { $0.id == "sorong" })
        #expect(sorong.budget.rupiahPerYear == 1.5e9)
        #expect(scenario.parameters.programmes.first { $0.id == "latsar" }?.seatsPerSession == 40)
        #expect(sorong.policy.blackoutMonths.enumerated().filter(\.element).map(\.offset) == [5, 11])
        #expect(scenario.parameters.shocks.count == 1)
    }

    /// The baseline leaves its domains to the format's default table; `--set` on one of them
    /// changes that domain and keeps the others (it used to replace the table with that one domain,
    /// so every other domain became unknown).
    @Test func setOnADefaultTableChangesOneEntry() throws {
        let path = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let plain = try ScenarioLoader.load(path).parameters
        let changed = try ScenarioLoader.load(path, overrides: ["domains.management.initialGapLevels=1.5"].compactMap(Override.init))
            .parameters
        #expect(changed.domains.map(\.id) == plain.domains.map(\.id))
        for (a, b) in zip(plain.domains, changed.domains) {
            #expect(b.initialGapLevels == (a.id == "management" ? 1.5 : a.initialGapLevels), "\(a.id)")
            #expect(b.requiredLevel == a.requiredLevel && b.roles == a.roles, "\(a.id)")
        }
    }

    @Test func setValuesAreValidatedLikeFileValues() throws {
        let path = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        do {
            _ = try ScenarioLoader.load(path, overrides: [Override("policy.maxAwayShare=-1")!, Override("policy.maxAwaySahre=0.1")!])
            Issue.record("expected problems")
        } catch {
            #expect(error.diagnostics.map(\.path) == ["policy.maxAwaySahre", "policy.maxAwayShare"])
            #expect(error.diagnostics.first?.message.contains("did you mean --set policy.maxAwayShare=0.1?") == true)
            #expect(error.diagnostics.allSatisfy { $0.file == "--set" }, "a value given with --set is not the file's fault")
        }
    }

    @Test func malformedOverridesAreRefused() {
        #expect(Override("no-equals-sign") == nil)
        #expect(Override("a..b=1") == nil)
        #expect(Override("regions.sorong.name=Kota Sorong")?.value.string == "Kota Sorong")
        #expect(Override("x=[1,2]")?.value.elements?.count == 2)
    }

    @Test func regionPolicyOverridesLayOverTheScenarioPolicy() throws {
        let path = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        let scenario = try ScenarioLoader.load(path, overrides: [Override("regions.sorong.policy.maxAwayShare=0.05")!])
        let shares = scenario.parameters.regions.map { $0.policy.maxAwayShare }
        #expect(shares == [0.1, 0.05])
        #expect(scenario.parameters.regions.allSatisfy { $0.policy.leadershipSupport == 0.3 })
    }
}
