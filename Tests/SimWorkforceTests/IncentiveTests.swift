import SimExperiment
import SimScenario
import SimWorkforce
import Testing

/// A reward per completion (issue 37 item 3; MODEL.md §3): it buys completions, not learning, and
/// being rewarded lowers the rewarded's own motivation for a while after (Deci, Koestner & Ryan
/// 1999; Cerasoli, Nicklin & Ford 2014). The reward costs nothing here, so the money it would take
/// does not change which programmes run, and the evaluation is off in both arms (it would switch
/// modes where completion differs). Rewards run in 2027–2028 only; the run ends in December 2030.
/// Paired over 16 replications at central values; each check's interval must exclude 0.
@Suite struct IncentiveTests {
    static let common = [
        "simulation.serviceFidelity=\"analytic\"", "simulation.years=4", "policy.evaluation.enabled=false",
    ]
    static let rewarded =
        common + [
            "policy.incentive.enabled=true", "policy.incentive.rupiahPerCompletion=0", "policy.incentive.untilYear=2028",
        ]
    static let rewardMonths = 0..<24
    static let december2030 = 47

    static func perCompletion(_ region: Int) -> @Sendable (ReplicationResult) -> Double {
        { result in
            let gain = rewardMonths.reduce(0.0) { $0 + result.regions[region][.trainingGainLevels, $1] }
            let done = rewardMonths.reduce(0.0) { $0 + result.regions[region][.completed, $1] }
            return gain / done
        }
    }

    static func completionRate(_ region: Int) -> @Sendable (ReplicationResult) -> Double {
        { result in
            let done = rewardMonths.reduce(0.0) { $0 + result.regions[region][.completed, $1] }
            let dropped = rewardMonths.reduce(0.0) { $0 + result.regions[region][.droppedOut, $1] }
            return done / (done + dropped)
        }
    }

    static func motivationAtTheEnd(_ region: Int) -> @Sendable (ReplicationResult) -> Double {
        { $0.regions[region][.motivationMean, december2030] }
    }

    /// The completion rate rises while rewards run; the gain per completion does not (those who
    /// finish only for the reward learn `rewardedGainShare` of what others do, checked against the
    /// same rewards with that share at 1, since the less motivated whom a reward brings in learn
    /// less anyway); and two years after the last reward, mean motivation is still below its level
    /// without rewards (crowding-out fading with a 24-month half-life). Fails with the gain share
    /// ignored, and with `crowdingOutSD` at 0 (motivation then ends no lower: the completion boost
    /// to motivation offsets what is left).
    @Test func incentivesBuyCompletionsNotLearningAndCrowdOutMotivation() throws {
        let base = try bundled("baseline.json", Self.common)
        let paid = try bundled("baseline.json", Self.rewarded)
        let learnAsMuch = try bundled("baseline.json", Self.rewarded + ["policy.incentive.rewardedGainShare=1"])
        for region in base.regions.indices {
            let name = base.regions[region].id
            let differences = pairedDifferences(
                base, paid, replications: 16, [Self.completionRate(region), Self.perCompletion(region), Self.motivationAtTheEnd(region)])
            let (done, gain, motivation) = (differences[0], differences[1], differences[2])
            let quality = pairedDifference(learnAsMuch, paid, replications: 16, Self.perCompletion(region))
            #expect(done.low > 0, "\(name): completion rate in 2027–28 \(done.shown)")
            #expect(gain.high < 0, "\(name): gain per completion in 2027–28 \(gain.shown)")
            #expect(motivation.high < 0, "\(name): mean motivation in December 2030 \(motivation.shown)")
            #expect(quality.high < 0, "\(name): gain per completion against rewarded completers learning as much \(quality.shown)")
        }
    }

    /// An incentive that would end before it starts is refused at the key that wrote it.
    @Test(arguments: [
        (["policy.incentive.untilYear=2028"], "policy.incentive.untilYear"),
        (["regions.sorong.policy.incentive.untilYear=2028"], "regions.sorong.policy.incentive.untilYear"),
    ])
    func rewardsEndingBeforeTheyStartAreRefused(overrides: [String], path: String) {
        let all = ["policy.incentive.enabled=true", "policy.incentive.fromYear=2029"] + overrides
        do {
            _ = try bundled("baseline.json", all)
            Issue.record("accepted \(all)")
        } catch let error as ScenarioError {
            #expect(error.diagnostics.map(\.path) == [path], "\(error)")
            #expect(error.diagnostics.first?.message.contains("comes before the first (fromYear 2029)") == true, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// The rule's years: no reward is promised or paid outside `fromYear`…`untilYear`.
    @Test func rewardsRunOnlyInTheirYears() {
        var incentive = IncentiveParameters()
        incentive.enabled = true
        incentive.fromYear = 2028
        incentive.untilYear = 2029
        #expect(!incentive.isActive(inYear: 2027))
        #expect(incentive.isActive(inYear: 2028) && incentive.isActive(inYear: 2029))
        #expect(!incentive.isActive(inYear: 2030))
        incentive.untilYear = 0
        #expect(incentive.isActive(inYear: 2040))
        incentive.enabled = false
        #expect(!incentive.isActive(inYear: 2028))
    }
}
