import Foundation
import Testing

@testable import SimWorkforce

/// The 6-monthly evaluation (MODEL.md §6) judges a programme within its own domain, by the gap it
/// closes, and logs only what it changes.
@Suite struct EvaluationTests {
    /// Per replication, the decisions of every region, or of region `region` alone.
    static func decisions(_ model: ModelParameters, replications: Range<Int> = 0..<10, region: Int? = nil) -> [[Decision]] {
        replications.map { k in
            let regions = runReplication(model, seed: 11, replication: k).regions
            return region.map { regions[$0].decisions } ?? regions.flatMap(\.decisions)
        }
    }

    /// Leadership coaching is dear per head by nature. It is the only programme of its domain, so
    /// two rules protect it from its price: judging within the domain, and never dropping a
    /// domain's last programme. With both broken (ranked per Rupiah against every programme, drops
    /// allowed) it is dropped in month 18. Every programme here is as good as its mode promises (no
    /// spread of true effects). It is still revised: it closes about half of what the plan expects
    /// of it (0.07 of 0.15 levels per attendee), below the 0.6 threshold, which the evaluation
    /// could not act on before revision existed.
    @Test func leadershipCoachingIsNotMarkedDownForItsPrice() throws {
        let model = try bundled("baseline.json", "learning.programmeEffectSpread=0")
        let coaching = try #require(model.programmes.firstIndex { $0.id == "leadership-coaching" })
        let touched = Self.decisions(model).flatMap { $0 }.filter { $0.programme == coaching }
        #expect(!touched.contains { $0.action == .drop || $0.action == .shiftBudget }, "\(touched.map(\.reason))")
    }

    /// E-learning completes less over a poor connection, so it closes less of the gap than it was
    /// bought for and the evaluation moves it to a mode that completes better; over a good
    /// connection it does what was expected and is left alone.
    @Test func poorInternetGetsELearningSwitched() throws {
        let poor = try bundled("baseline.json", "regions.sorong.internetQuality=0")
        let good = try bundled("baseline.json", "regions.sorong.internetQuality=1")
        let ethics = try #require(poor.programmes.firstIndex { $0.id == "ethics-communication" })
        func switched(_ model: ModelParameters) -> Int {
            let sorong = model.regions.firstIndex { $0.id == "sorong" }
            return Self.decisions(model, region: sorong).filter { $0.contains { $0.programme == ethics && $0.action == .switchMode } }.count
        }
        let (onPoor, onGood) = (switched(poor), switched(good))
        #expect(onPoor >= 7 && onGood <= 2, "switched in \(onPoor) of 10 replications on a poor connection, \(onGood) on a good one")
    }

    /// Each programme's true effect is drawn per replication (MODEL.md §3) and the evaluation
    /// sees only a noisy post-test of it, so it finds the weak programmes often but not always:
    /// over 200 replications and both cities, a programme whose true effect is in the lowest
    /// quarter is changed (mode, money, revision or drop) more often than one in the highest
    /// quarter, by more than three standard errors of the difference of two shares.
    @Test func theEvaluationFindsWeakProgrammesMoreOftenThanStrongOnes() throws {
        let model = try bundled("baseline.json")
        let judged = model.programmes.indices.filter { !model.programmes[$0].isMandated }
        let replications = 200
        let slots = (0..<replications).map { _ in LockedPairs() }
        DispatchQueue.concurrentPerform(iterations: replications) { k in
            let truths = ProgrammeState.effects(model, seed: 11, replication: k)
            for region in runReplication(model, seed: 11, replication: k).regions {
                for p in judged { slots[k].append((truths[p].truth, region.decisions.contains { $0.programme == p })) }
            }
        }
        let pairs = slots.flatMap(\.values).sorted { $0.truth < $1.truth }
        let quarter = pairs.count / 4
        func changedShare(_ part: ArraySlice<(truth: Double, changed: Bool)>) -> Double {
            Double(part.filter(\.changed).count) / Double(part.count)
        }
        let weak = changedShare(pairs.prefix(quarter))
        let strong = changedShare(pairs.suffix(quarter))
        let standardError = ((weak * (1 - weak) + strong * (1 - strong)) / Double(quarter)).squareRoot()
        #expect(
            weak - strong > 3 * standardError, "changed: \(weak) of the weakest quarter, \(strong) of the strongest (SE \(standardError))")
    }

    /// A programme's drawn effect is named by its id: a what-if that adds a programme (PKP) leaves
    /// every other programme's draw as it was, and the draws differ between replications. A
    /// measured effect (`measuredEffectSD`) is both the truth and what the plan expects.
    @Test func effectsAreKeyedByProgrammeAndAMeasuredOneIsKnown() throws {
        let base = try bundled("baseline.json")
        let more = try bundled("leadership-pkp.json")
        #expect(more.programmes.count > base.programmes.count)
        // And one without the first programme, so every other one's index moves.
        var fewer = base
        fewer.programmes.removeFirst()
        for k in 0..<3 {
            let a = ProgrammeState.effects(base, seed: 11, replication: k)
            for other in [more, fewer] {
                let b = ProgrammeState.effects(other, seed: 11, replication: k)
                for (q, programme) in other.programmes.enumerated() {
                    guard let p = base.programmes.firstIndex(where: { $0.id == programme.id }) else { continue }
                    #expect(a[p].truth == b[q].truth && a[p].expected == 1, "\(programme.id) in replication \(k)")
                }
            }
        }
        let first = ProgrammeState.effects(base, seed: 11, replication: 0).map(\.truth)
        #expect(first != ProgrammeState.effects(base, seed: 11, replication: 1).map(\.truth))
        // egov-basics: classroom (×1.0), 24 JP (dose 1), so it promises 0.6 SD; a study found 0.15.
        let studied = try bundled("baseline.json", "programmes.egov-basics.measuredEffectSD=0.15")
        let egov = try #require(studied.programmes.firstIndex { $0.id == "egov-basics" })
        let known = ProgrammeState.effects(studied, seed: 11, replication: 0)[egov]
        #expect(abs(known.truth - 0.25) < 1e-12 && known.expected == known.truth, "\(known)")
    }

    @Test func decisionsComeEverySixMonthsWithTheirReasons() throws {
        let model = try bundled("baseline.json", "regions.sorong.internetQuality=0")
        let all = Self.decisions(model, replications: 0..<4).flatMap { $0 }
        #expect(!all.isEmpty)
        #expect(Set(all.map(\.month)).isSubset(of: Set(stride(from: 6, to: 60, by: 6))))
        #expect(all.allSatisfy { $0.reason.contains(" expected") || $0.reason.contains(" median ") })
        #expect(all.allSatisfy { $0.measuredGapClosedLevels.isFinite })
        let disabled = try bundled("no-evaluation.json", "regions.sorong.internetQuality=0")
        let none = Self.decisions(disabled, replications: 0..<4)
        #expect(none.allSatisfy { $0.isEmpty })
    }
}

/// One replication's (true effect, changed) pairs, written from `concurrentPerform`.
final class LockedPairs: @unchecked Sendable {
    private(set) var values: [(truth: Double, changed: Bool)] = []
    func append(_ pair: (truth: Double, changed: Bool)) { values.append(pair) }
}
