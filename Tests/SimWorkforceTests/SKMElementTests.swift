import Foundation
import SimCore
import SimScenario
import SimWorkforce
import Testing

/// The IKM from its nine SKM elements (PermenPAN-RB 14/2017; docs/model.md §7): five made by the
/// counter, four held at the unit's own scores, 25 × their mean.
@Suite struct SKMElementTests {
    static let counter = "regions.town.units.counter.service"

    /// One year of the `counter.json` counter (200 a day, 8 servers), per-request fidelity.
    static func year(_ overrides: String..., fidelity: String = "perRequest") throws -> RegionResult {
        try year(overrides, fidelity: fidelity)
    }

    static func year(_ overrides: [String], fidelity: String = "perRequest") throws -> RegionResult {
        let model = try fixture("counter.json", ["simulation.years=1", "simulation.serviceFidelity=\"\(fidelity)\""] + overrides)
        return runReplication(model, seed: 3, replication: 0).regions[0]
    }

    static func score(_ region: RegionResult, _ measure: CounterMeasure, _ month: Int) -> Double {
        region[.counter(measure, unit: "counter"), month] ?? .nan
    }

    static let elementMeasures = CounterMeasure.allCases.filter { $0.skmElement != nil }

    /// Each month's IKM is exactly 25 × the mean of the nine element scores: the five modelled
    /// ones as reported and the four held ones as set, in both fidelities. The test is the
    /// regulation's formula, computed here from the outputs, not the model's own sum.
    @Test(arguments: ["perRequest", "analytic"])
    func theIKMIsTwentyFiveTimesTheMeanOfTheNineElements(fidelity: String) throws {
        let held = ["requirements": 3.6, "procedure": 2.8, "cost": 3.9, "facilities": 2.5]
        let region = try Self.year(
            "\(Self.counter).skm.requirements=3.6", "\(Self.counter).skm.procedure=2.8", "\(Self.counter).skm.cost=3.9",
            "\(Self.counter).skm.facilities=2.5", fidelity: fidelity)
        #expect(Self.elementMeasures.map { $0.skmElement! } == SKMElement.modelled)
        var months = 0
        for month in 0..<region.months {
            let modelled = Self.elementMeasures.map { Self.score(region, $0, month) }
            guard !modelled.contains(where: \.isNaN) else { continue }
            months += 1
            for score in modelled { #expect((1...4).contains(score)) }
            let expected = 25 * (modelled.reduce(0, +) + held.values.reduce(0, +)) / 9
            let ikm = Self.score(region, .ikm, month)
            #expect(abs(ikm - expected) < 1e-9, "month \(month): IKM \(ikm) vs 25 × mean of elements \(expected)")
        }
        #expect(months == 12)
    }

    /// The held elements set the IKM's level and nothing else: all four at 4 against all at 1, on
    /// the same random numbers, leave every modelled element and wait unchanged and raise the IKM
    /// by 25 × (4 × 3) / 9 = 33.3 points.
    @Test func heldElementsShiftTheIKMAndNothingElse() throws {
        let keys = ["requirements", "procedure", "cost", "facilities"]
        let high = try Self.year(keys.map { "\(Self.counter).skm.\($0)=4" })
        let low = try Self.year(keys.map { "\(Self.counter).skm.\($0)=1" })
        for month in 0..<high.months {
            for measure in Self.elementMeasures + [.waitMean] {
                #expect(Self.score(high, measure, month) == Self.score(low, measure, month), "\(measure) month \(month)")
            }
            let shift = Self.score(high, .ikm, month) - Self.score(low, .ikm, month)
            #expect(abs(shift - 25 * 12.0 / 9) < 1e-9, "month \(month): shift \(shift)")
        }
    }

    /// U3 follows the wait: the same counter with 6 servers instead of 8 (ρ 0.83 → 1.1, a growing
    /// queue) scores completion time lower in every month after the first, and the IKM with it;
    /// staff competence, a property of the handlers, does not move by more than noise.
    @Test func completionTimeFallsWithTheWait() throws {
        let eight = try Self.year()
        let six = try Self.year("\(Self.counter).counterShare=0.06")
        for month in 1..<eight.months {
            #expect(Self.score(six, .waitMean, month) > Self.score(eight, .waitMean, month))
            #expect(
                Self.score(six, .skmCompletionTime, month) < Self.score(eight, .skmCompletionTime, month) - 0.1,
                "month \(month): U3 \(Self.score(six, .skmCompletionTime, month)) vs \(Self.score(eight, .skmCompletionTime, month))")
            #expect(Self.score(six, .ikm, month) < Self.score(eight, .ikm, month))
            #expect(abs(Self.score(six, .skmCompetence, month) - Self.score(eight, .skmCompetence, month)) < 0.05)
        }
    }

    /// U8 is the chance of resolving a complaint within the standard with exponential resolution
    /// times: 1 − e^(−10/12.5) for a novice unit, 1 − e^(−10/2.5) for a proficient one.
    @Test func complaintHandlingIsTheChanceOfMeetingTheStandard() {
        let quality = ServiceQualityParameters()
        #expect(abs(quality.complaintHandling(unitCompetency: 0) - (1 - exp(-10 / 12.5))) < 1e-12)
        #expect(abs(quality.complaintHandling(unitCompetency: 1) - (1 - exp(-10 / 2.5))) < 1e-12)
        #expect(quality.complaintHandling(unitCompetency: 0.5) > quality.complaintHandling(unitCompetency: 0.4))
    }

    /// The baseline's held scores are one uncertain input per city: `*` after a group stands for
    /// each of its fields, so the entry sets the four held scores of each of the city's three
    /// counters together, and a draw at the top of the range reaches every one of them.
    @Test func theBaselinesHeldScoresAreOneUncertainInputPerCity() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/baseline.json").path
        let scenario = try ScenarioLoader.load(path)
        let entry = try #require(scenario.uncertainty.first { $0.path == "regions.sorong.units.*.service.skm.*" })
        let targets = Set(entry.targets.map(\.path))
        var expected: Set<String> = []
        for unit in ["dukcapil", "dpmptsp", "health"] {
            for key in ["requirements", "procedure", "cost", "facilities"] {
                expected.insert("regions.sorong.units.\(unit).service.skm.\(key)")
            }
        }
        #expect(targets == expected)
        #expect(entry.targets.allSatisfy { $0.base == 3.21 })
        let top = try ScenarioLoader.load(path, overrides: entry.overrides(atQuantile: 1))
        let sorong = try #require(top.parameters.regions.first { $0.id == "sorong" })
        let counters = sorong.units.compactMap(\.service)
        #expect(counters.count == 3)
        for counter in counters { #expect(abs(counter.skm.shareSum - 4 * (3.5 - 1) / 3) < 1e-12) }
    }
}
