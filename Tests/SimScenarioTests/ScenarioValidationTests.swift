import Foundation
import SimScenario
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let brokenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Broken")

func bundledScenarioFiles() throws -> [String] {
    let directory = packageRoot.appendingPathComponent("scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
        .sorted()
        .map { directory.appendingPathComponent($0).path }
}

/// Loads a file expected to be invalid and returns its diagnostics.
func diagnostics(_ name: String) -> [Diagnostic] {
    do {
        _ = try ScenarioLoader.load(brokenDirectory.appendingPathComponent(name).path)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite struct ScenarioValidationTests {
    @Test func everyBundledScenarioValidates() throws {
        let files = try bundledScenarioFiles()
        #expect(files.count >= 11)
        for file in files {
            #expect(throws: Never.self, "\(file)") { _ = try ScenarioLoader.load(file) }
        }
    }

    /// Each broken file yields its expected diagnostic: the JSON path and words of the message.
    @Test(arguments: [
        ("misspelt-key.json", "policy.maxAwayShrae", "unknown key 'maxAwayShrae'; did you mean 'maxAwayShare'?"),
        ("wrong-type.json", "regions.sorong.headcount", "expected a whole number, found a string"),
        ("negative-budget.json", "regions.sawahlunto.budget.rupiahPerYear", "expected a non-negative number, found -1000000"),
        (
            "unattendable-programme.json", "programmes.egov-basics.lengthJP",
            "120 JP is more than any eligible employee may take in a year (policy.maxJPPerEmployeePerYear 80 and policy.pppkMaxJPPerYear 24), so no one could ever attend; shorten it, raise the cap, or mark it mandatoryForNewcomers or mandatoryOnPromotion if it is mandated"
        ),
        ("unknown-programme-domain.json", "programmes.egov-basics.domains.digitl", "unknown domain 'digitl'; did you mean 'digital'?"),
        ("unknown-mode.json", "programmes.egov-basics.mode", "unknown mode 'clasroom'; did you mean 'classroom'?"),
        ("probability-above-one.json", "participation.baseAcceptance", "expected a number at most 1, found 1.5"),
        ("month-outside-horizon.json", "shocks[0].from", "month 2035-01 is outside the simulated horizon 2027-01 to 2031-12"),
        ("unknown-region.json", "shocks[0].region", "unknown region 'padang'"),
        (
            "unknown-language.json", "name.eng",
            "unknown language 'eng'; did you mean 'en'?; the languages are id (Bahasa Indonesia) and en (English)"
        ),
        (
            "unknown-source-language.json", "sources.regions.sorong.headcount.idn",
            "unknown language 'idn'; did you mean 'id'?; the languages are id (Bahasa Indonesia) and en (English)"
        ),
        (
            "unknown-source-language.json", "sources.regions.sorong.budget",
            "expected a string, or an object {\"id\": \"…\", \"en\": \"…\"} (Bahasa Indonesia, English), found a number"
        ),
        ("syntax-error.json", "", "invalid JSON: expected a key in double quotes"),
        ("cycle-a.json", "extends", "extends forms a cycle: cycle-a.json → cycle-b.json → cycle-a.json"),
        ("missing-schema-version.json", "schemaVersion", "missing required key 'schemaVersion'"),
        ("unknown-unit-eligibility.json", "programmes.egov-basics.eligibleUnits[1]", "unknown unit 'dukcapl'; did you mean 'dukcapil'?"),
        ("period-and-dates.json", "policy.noTraining[0]", "give either period or from and to, not both"),
        ("impossible-date.json", "policy.noTraining[0].to", "expected a date written YYYY-MM-DD, or MM-DD for every year, found '02-30'"),
        (
            "unknown-period.json", "regions.sorong.units.dukcapil.service.demand.peaks[0].period",
            "unknown value 'lebaram', expected one of lebaran, ramadan, idulAdha, yearEnd; did you mean 'lebaran'?"
        ),
        ("unknown-programme.json", "policy.evaluation.exemptProgrammes[1]", "unknown programme 'lasar'; did you mean 'latsar'?"),
    ])
    func brokenFileGivesItsDiagnostic(file: String, path: String, message: String) {
        let found = diagnostics(file)
        #expect(found.contains { $0.path == path && $0.message == message }, "got: \(found.map(\.description))")
        #expect(found.allSatisfy { $0.file.hasSuffix(file) || $0.file.hasSuffix("baseline.json") || $0.file.hasSuffix("cycle-b.json") })
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let found = diagnostics("syntax-error.json")
        #expect(found.first?.location?.line == 3)
        #expect(found.first?.location?.column == 37)
        #expect(
            found.first?.description.hasPrefix(brokenDirectory.appendingPathComponent("syntax-error.json").path + ":3:37: error: ") == true)
    }

    @Test func valueErrorsPointAtTheValueInTheFileThatWroteIt() {
        let found = diagnostics("negative-budget.json")
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 4)
        #expect(found.first?.description.contains("negative-budget.json:4:") == true)
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let text = """
            { "schemaVersion": 1, "extends": "../../../scenarios/baseline.json",
              "policy": { "maxAwayShrae": 0.05, "leadershipSupport": 2 },
              "regions": { "sorong": { "budget": { "rupiahPerYear": -5 } } } }
            """
        // The relative extends must resolve from the broken corpus directory.
        let local = brokenDirectory.appendingPathComponent("tmp-several-\(UUID().uuidString).json")
        try text.write(to: local, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: local) }
        do {
            _ = try ScenarioLoader.load(local.path)
            Issue.record("expected problems")
        } catch {
            let paths = Set(error.diagnostics.map(\.path))
            #expect(paths == ["policy.maxAwayShrae", "policy.leadershipSupport", "regions.sorong.budget.rupiahPerYear"])
        }
    }
}
