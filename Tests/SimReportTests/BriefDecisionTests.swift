import SimCore
import SimExperiment
import SimReport
import SimWorkforce
import Testing

/// The brief says in plain words when the evaluation switched a programme away from the mode a
/// what-if set, and names the remedy; it says nothing when the mode is the baseline's.
@Suite struct BriefDecisionTests {
    func brief(whatIfMode: String, language: BriefLanguage) -> String {
        let catalogue = RegionCatalogue(region: "town", metrics: Metric.allCases.map(\.definition))
        func labels(_ id: String, mode: String) -> ScenarioLabels {
            ScenarioLabels(
                id: id, name: LocalizedText(id == "baseline" ? "Baseline" : "Online first"), question: LocalizedText("?"),
                catalogues: [catalogue],
                regionNames: ["Town"], programmeIDs: ["course"], startYear: 2027, programmeModes: [mode])
        }
        var result = ExperimentResult(catalogues: [[catalogue], [catalogue]], months: 12, baseline: 0)
        for _ in 0..<2 {
            func region(decided: Bool) -> RegionResult {
                var r = RegionResult(region: "town", layout: ResultLayout(keys: catalogue.keys), months: 12)
                for i in r.values.indices { r.values[i] = 2 }
                if decided {
                    r.decisions = [Decision(month: 6, programme: 0, measuredGapClosedLevels: 0.1, action: .switchMode, reason: "…")]
                }
                return r
            }
            result.add(replication: [
                ReplicationResult(regions: [region(decided: false)]), ReplicationResult(regions: [region(decided: true)]),
            ])
        }
        return PolicyBrief(
            result: result, labels: [labels("baseline", mode: "classroom"), labels("online", mode: whatIfMode)], baseline: 0,
            language: language, replications: 2, seed: 1
        ).markdown()
    }

    @Test func aSwitchedWhatIfChoiceIsNamedWithItsRemedy() {
        let text = brief(whatIfMode: "elearning", language: .en)
        #expect(text.contains("Online first set course to e-learning, but the evaluation switched it away"))
        #expect(text.contains("list course in policy.evaluation.exemptProgrammes"))
        #expect(brief(whatIfMode: "elearning", language: .id).contains("cantumkan course di policy.evaluation.exemptProgrammes"))
    }

    @Test func aSwitchOfTheBaselinesModeIsNotAWhatIfUndone() {
        #expect(!brief(whatIfMode: "classroom", language: .en).contains("exemptProgrammes"))
    }
}
