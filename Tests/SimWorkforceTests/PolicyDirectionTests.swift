import Testing
import SimWorkforce

/// Directions with common random numbers: the same replication indices in both arms, so the
/// difference comes from policy. Each pools 4 replications of the bundled baseline.
@Suite struct PolicyDirectionTests {
    static let replications = 0..<4

    func competencyAtHorizon(_ result: ReplicationResult) -> Double {
        result.regions.map { $0[.competencyMean, $0.months - 1] }.reduce(0, +) / Double(result.regions.count)
    }

    @Test func moreBudgetNeverLowersMeanCompetency() throws {
        let none = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0")
        let base = try bundled("baseline.json")
        let more = try bundled("budget-plus-50.json")
        let levels = [none, base, more].map { meanOver(Self.replications, $0, competencyAtHorizon) }
        #expect(levels[0] < levels[1], "\(levels)")
        #expect(levels[1] <= levels[2], "\(levels)")
    }

    @Test func zeroBudgetRunsNoSession() throws {
        let model = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0")
        let result = runReplication(model, seed: 3, replication: 0)
        for region in result.regions {
            #expect(region.total(.completed) == 0)
            #expect(region.total(.droppedOut) == 0)
            #expect(region.total(.budgetSpentRupiah) == 0)
            #expect(region.total(.staffDaysOffDuty) == 0)
        }
    }

    @Test func anAwardRaisesAcceptance() throws {
        let base = try bundled("baseline.json")
        let award = try bundled("baseline.json", "policy.award.enabled=true")
        func acceptance(_ result: ReplicationResult) -> Double {
            let accepted = result.regions.map { $0.total(.accepted) }.reduce(0, +)
            let invited = result.regions.map { $0.total(.invited) }.reduce(0, +)
            return accepted / invited
        }
        let without = meanOver(Self.replications, base, acceptance)
        let with = meanOver(Self.replications, award, acceptance)
        #expect(with > without, "acceptance \(with) with the award vs \(without) without")
    }

    @Test func leadershipSupportRaisesAppliedCompetencyAtTwelveMonths() throws {
        let low = try bundled("baseline.json", "policy.leadershipSupport=0")
        let high = try bundled("baseline.json", "policy.leadershipSupport=1")
        func atTwelveMonths(_ result: ReplicationResult) -> Double {
            result.regions.map { $0[.competencyMean, 11] }.reduce(0, +)
        }
        #expect(meanOver(Self.replications, high, atTwelveMonths) > meanOver(Self.replications, low, atTwelveMonths))
    }

    @Test func theSameSeedGivesIdenticalResults() throws {
        let model = try bundled("baseline.json")
        let a = runReplication(model, seed: 42, replication: 3)
        let b = runReplication(model, seed: 42, replication: 3)
        let c = runReplication(model, seed: 43, replication: 3)
        #expect(a.regions.map { $0.values.map(\.bitPattern) } == b.regions.map { $0.values.map(\.bitPattern) })
        #expect(a.regions.map(\.decisions) == b.regions.map(\.decisions))
        #expect(a.regions.map { $0.values } != c.regions.map { $0.values })
    }

    @Test func evaluationsLogEveryDecisionWithItsReason() throws {
        let model = try bundled("baseline.json")
        let result = runReplication(model, seed: 8, replication: 0)
        let decisions = result.regions.flatMap(\.decisions)
        #expect(!decisions.isEmpty)
        // Every 6 months from month 6, in order, with a measured effect and a reason.
        #expect(Set(decisions.map(\.month)).isSubset(of: Set(stride(from: 6, to: 60, by: 6))))
        #expect(decisions.allSatisfy { !$0.reason.isEmpty && $0.measuredEffect.isFinite })
        let disabled = try bundled("no-evaluation.json")
        #expect(runReplication(disabled, seed: 8, replication: 0).regions.allSatisfy { $0.decisions.isEmpty })
    }
}
