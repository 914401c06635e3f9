import SimCore
import SimExperiment
import SimReport
import SimWorkforce
import Testing

/// best.json changes the plan only where the change earned it: a winner whose confirmed gain over
/// the plan as written is not significant leaves the plan as written, and the memo says so.
@Suite struct OptimiseChoiceTests {
    /// A paired gain from these confirmation differences.
    static func gain(_ values: [Double]) -> Estimate {
        var stats = RunningStatistics()
        for v in values { stats.add(v) }
        return Estimate(stats)
    }

    @Test func aChangeOfPlanMustBeSignificant() {
        let none = Self.gain([0, 0, 0, 0])
        let noise = Self.gain([0.004, -0.003, 0.002, -0.001])
        let real = Self.gain([0.010, 0.012, 0.011, 0.013])
        // Maximising: a gain of 0 [0, 0] or noise keeps the plan as written; a real gain changes it.
        #expect(OptimiseFiles.keepsPlanAsWritten(winner: 3, gain: none, maximise: true, currentMeetsConstraints: true))
        #expect(OptimiseFiles.keepsPlanAsWritten(winner: 3, gain: noise, maximise: true, currentMeetsConstraints: true))
        #expect(!OptimiseFiles.keepsPlanAsWritten(winner: 3, gain: real, maximise: true, currentMeetsConstraints: true))
        // Minimising, the same gain is a loss; its mirror is a real improvement.
        #expect(OptimiseFiles.keepsPlanAsWritten(winner: 3, gain: real, maximise: false, currentMeetsConstraints: true))
        #expect(
            !OptimiseFiles.keepsPlanAsWritten(
                winner: 3, gain: Self.gain([-0.010, -0.012, -0.011]), maximise: false, currentMeetsConstraints: true))
        // A plan as written that breaks a constraint is replaced by a winner that meets them, gain or not.
        #expect(!OptimiseFiles.keepsPlanAsWritten(winner: 3, gain: none, maximise: true, currentMeetsConstraints: false))
        #expect(OptimiseFiles.keepsPlanAsWritten(winner: 0, gain: real, maximise: true, currentMeetsConstraints: true))
    }

    @Test func theMemoSaysThePlanAsWrittenIsKept() {
        var data = OptimiseReportData(
            scenarioName: LocalizedText("Sorong"), objectiveLabel: "competency.share_at_standard (sorong)",
            objectiveMetric: "competency.share_at_standard", objectiveRegion: "Kota Sorong", maximise: true, convergence: [], points: [],
            decisions: [], gain: Self.gain([0, 0, 0]), checks: [], plansSearched: 40, searchReplications: 8, finalists: 5,
            selectionReplications: 20, delta: 0.005, confidence: 0.95, winnerIsCurrent: false, keptAsWritten: true)
        #expect(data.memoSentence(.id).contains("best.json mempertahankan rencana saat ini"), "\(data.memoSentence(.id))")
        #expect(data.memoSentence(.en).contains("best.json keeps the current plan"))
        data.keptAsWritten = false
        #expect(data.memoSentence(.en).hasPrefix("For the same budget, the chosen plan changes"))
    }
}
