import SimCore
import Testing

@testable import SimWorkforce

/// The award's peer lift is given once per unit and year, however many of the unit won: the other
/// staff of a unit with 1 recipient and of one with 10 are lifted alike (MODEL.md §3; issue 37).
/// Before, each recipient added the peer lift to their whole unit again, recipients included, so
/// a unit with many recipients (Sawahlunto's largest units have several at a 2% share) gained
/// several times the assumed lift.
@Suite struct AwardTests {
    @Test func peersAreLiftedOncePerUnitRecipientsOnce() throws {
        let model = try bundled(
            "award-leadership.json", "simulation.serviceFidelity=\"analytic\"", "policy.award.topShare=0.05",
            "policy.award.rupiahPerRecipient=0")
        let award = model.regions[0].policy.award
        var simulation = RegionSimulation(model: model, regionIndex: 0, seed: 11, replication: 1)
        simulation.run(until: SimTime(workingDays: WorkingClock(model.simulation).monthStart[3]))
        let before = simulation.workforce.awardBoost
        simulation.holdAward()
        let workforce = simulation.workforce
        var recipientsByUnit: [UnitIndex: Int] = [:]
        var lifts: [(unit: UnitIndex, lift: Double)] = []
        for e in workforce.indices where workforce.active[e] {
            let lift = workforce.awardBoost[e] - before[e]
            if lift >= award.recipientBoost - 1e-12 {
                recipientsByUnit[workforce.unit[e], default: 0] += 1
                #expect(abs(lift - award.recipientBoost) < 1e-12, "a recipient lifted \(lift), not \(award.recipientBoost)")
            } else {
                lifts.append((workforce.unit[e], lift))
            }
        }
        #expect(recipientsByUnit.values.contains { $0 >= 5 }, "a unit with several recipients: \(recipientsByUnit)")
        #expect(recipientsByUnit.values.contains { $0 == 1 } || recipientsByUnit.count > 1)
        for (unit, lift) in lifts {
            let expected = recipientsByUnit[unit] != nil ? award.peerBoost : 0
            #expect(
                abs(lift - expected) < 1e-12, "unit \(unit.rawValue) with \(recipientsByUnit[unit] ?? 0) recipients: a peer lifted \(lift)")
        }
        #expect(lifts.contains { $0.lift > 0 }, "some peers are lifted")
    }
}
