import SimCore
import Testing

@testable import SimWorkforce

@Suite struct CandidateListTests {
    /// The lazily ordered list reads exactly as a comparison sort by score (descending), then
    /// employee number (ascending) would: on scores with many ties, both zeros, negatives, large
    /// and tiny magnitudes and infinities, read one by one, in batches and at random points, as
    /// sessions and invitations read it.
    @Test func lazyOrderMatchesAFullComparisonSort() {
        var stream = RandomStream(seed: 20_261_204)
        let pool: [Double] = [0, -0.0, 1, -1, 0.25, 1e-300, -1e-300, 3e12, .infinity, -.infinity, 0.125, 0.1 + 0.2]
        for trial in 0..<60 {
            let n = trial < 3 ? trial : 1 + stream.index(below: 3000)
            var keys: [UInt128] = []
            var expected: [(score: Double, employee: Int)] = []
            for e in 0..<n {
                // Half from a small pool (ties), half continuous, some negative.
                let score = stream.uniform() < 0.5 ? pool[stream.index(below: pool.count)] : (stream.uniform() - 0.3) * 40
                keys.append(CandidateList.key(score: score, employee: EmployeeIndex(e)))
                expected.append((score, e))
            }
            keys.shuffle(using: &stream)
            expected.sort { $0.score != $1.score ? $0.score > $1.score : $0.employee < $1.employee }
            var list = CandidateList(keys: UncheckedArray(keys))
            #expect(list.count == n)
            var read = [Int](repeating: -1, count: n)
            var i = 0
            // Reads in order, in batches of up to 40, now and then jumping ahead.
            while i < n {
                if stream.uniform() < 0.05 {
                    let j = i + stream.index(below: n - i)
                    read[j] = list.employee(at: j).rawValue
                }
                let end = min(n, i + 1 + stream.index(below: 40))
                for (k, e) in zip(i..<end, list.employees(in: i..<end)) { read[k] = e.rawValue }
                i = end
            }
            #expect(read == expected.map(\.employee), "trial \(trial), \(n) candidates")
        }
    }
}

/// The needs-based candidate keys, worked out branch-free from the gaps, give every employee the
/// key MODEL.md §6 gives them, and keep exactly the eligible ones with a positive value (any value
/// for a mandated programme). Eligibility and the value are written out here from the programme's
/// fields, apart from ``ProgrammeEligibility`` and ``NeedsTerms``, so a change to either rule shows.
/// Checked for every programme of both bundled cities after 14 months, when leavers, hires and
/// training have spread the levels, as bundled and with programmes narrowed by job level,
/// employment and unit (as bundled, the levels a programme leaves out have no gap it closes).
@Suite struct NeedsKeysTests {
    @Test(arguments: [
        [],
        [
            "programmes.egov-basics.eligibleJobLevels=[\"pelaksana\", \"fungsional\"]",
            "programmes.service-excellence.employment=\"pppk\"", "programmes.ethics-communication.eligibleUnits=[\"dukcapil\"]",
        ],
    ])
    func needsKeysFollowTheRuleOfTheModel(narrowed: [String]) throws {
        let model = try bundled("baseline.json", ["simulation.serviceFidelity=\"analytic\""] + narrowed)
        let clock = WorkingClock(model.simulation)
        let levels = JobLevel.allCases.count
        for region in model.regions.indices {
            var simulation = RegionSimulation(model: model, regionIndex: region, seed: 7, replication: 1)
            simulation.run(until: SimTime(workingDays: clock.monthStart[14]))
            let workforce = simulation.workforce
            let units = model.regions[region].units
            let weights = simulation.complaintWeights
            #expect(workforce.indices.contains { !workforce.active[$0] }, "leavers by month 14")
            for p in simulation.programmes.indices {
                let programme = model.programmes[p]
                let gain = simulation.needsGain(simulation.programmes[p].mode, programme: p)
                let terms = NeedsTerms(programme, gainLevels: gain, weights: weights)
                let keys = workforce.needsKeys(
                    simulation.programmeEligibility[p], terms: terms, gaps: simulation.needsGaps())
                let expected = workforce.indices.compactMap { e -> UInt128? in
                    let owes =
                        programme.mandatoryForNewcomers
                        ? workforce.owesLatsar[e] : programme.mandatoryOnPromotion ? workforce.owesPromotionTraining[e] : true
                    let unitID = units[workforce.unit[e].rawValue].id
                    guard workforce.active[e], programme.eligibleJobLevels[workforce.jobLevel[e].rawValue],
                        programme.employment.admits(isPPPK: workforce.isPPPK[e]),
                        programme.eligibleUnits.isEmpty || programme.eligibleUnits.contains(unitID), owes
                    else { return nil }
                    var value = 0.0
                    for d in programme.domains.indices where programme.domains[d] > 0 {
                        let required = simulation.required[d * levels + workforce.jobLevel[e].rawValue]
                        let gap = max(0, required - workforce.applied(e, d))
                        value += weights[d] * min(gap, gain * programme.domains[d])
                    }
                    return programme.isMandated || value > 0 ? CandidateList.key(score: value, employee: e) : nil
                }
                #expect(!expected.isEmpty, "\(programme.id) has candidates")
                let firstDifference =
                    (0..<min(keys.count, expected.count)).first { keys[$0] != expected[$0] } ?? min(keys.count, expected.count)
                #expect(
                    keys.count == expected.count && firstDifference == keys.count,
                    "\(model.regions[region].id) \(programme.id): \(keys.count) keys for \(expected.count) expected, the first difference at \(firstDifference)"
                )
            }
        }
    }
}
