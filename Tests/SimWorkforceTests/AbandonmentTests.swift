import SimCore
import SimWorkforce
import Testing

/// Citizens who give up and come back (MODEL.md §7): the counter of `counter.json` (8 fixed
/// servers, 15-minute exponential handling) at 240 requests a day, where service alone would be
/// exactly saturated (ρ = 1) and only abandonment keeps the line finite.
@Suite struct AbandonmentTests {
    static let impatient = [
        "regions.town.units.counter.service.requestsPerDay=240",
        "regions.town.units.counter.service.patience.distribution=\"exponential\"",
        "regions.town.units.counter.service.patience.meanMinutes=20",
    ]

    /// Pooled measures of a counter over months 1… (month 0 holds the empty start), and each
    /// replication's share who gave up.
    struct Pooled {
        var served = 0.0, abandoned = 0.0, returned = 0.0, requests = 0.0, waitSum = 0.0
        var shares: [Double] = []
        var abandonedShare: Double { abandoned / (served + abandoned) }
        var meanWait: Double { waitSum / served }

        init(_ model: ModelParameters, replications: Int) {
            for replication in 0..<replications {
                let region = runReplication(model, seed: 7, replication: replication).regions[0]
                var (served, abandoned) = (0.0, 0.0)
                for month in 1..<region.months {
                    let gaveUp = region[.serviceAbandoned, month]
                    let share = region[.serviceAbandonedShare, month]
                    let ended = share > 0 ? gaveUp / share : gaveUp + region[.serviceRequests, month]
                    served += ended - gaveUp
                    abandoned += gaveUp
                    waitSum += region[.serviceWaitMean, month] * (ended - gaveUp)
                    requests += region[.serviceRequests, month]
                    returned += region[.counter(.returned, unit: "counter"), month] ?? .nan
                }
                self.served += served
                self.abandoned += abandoned
                shares.append(abandoned / (served + abandoned))
            }
        }
    }

    /// M/M/c+M: the share who give up and the mean wait of those served, pooled over four
    /// replications of five years (≈ 1.2 million citizens), within 2% of Erlang A computed here;
    /// the replications' own 95% interval of the share is checked to be tighter than that.
    @Test func aCounterWhoseCitizensGiveUpMatchesErlangA() throws {
        let model = try fixture("counter.json", Self.impatient)
        let theory = ErlangA(
            arrivalRate: 240 / (model.hoursPerWorkingDay * 60), serviceRate: 1.0 / 15, servers: 8, abandonmentRate: 1.0 / 20)
        let pooled = Pooled(model, replications: 4)
        #expect(pooled.served + pooled.abandoned > 1_000_000)
        #expect(
            abs(pooled.abandonedShare - theory.probabilityOfAbandonment) / theory.probabilityOfAbandonment < 0.02,
            "gave up \(pooled.abandonedShare) vs Erlang A \(theory.probabilityOfAbandonment)")
        #expect(
            abs(pooled.meanWait - theory.meanWaitOfServed) / theory.meanWaitOfServed < 0.02,
            "wait of the served \(pooled.meanWait) min vs Erlang A \(theory.meanWaitOfServed) min")
        var spread = RunningStatistics()
        for share in pooled.shares { spread.add(share) }
        let halfWidth = 3.182 * spread.standardDeviation / 2
        #expect(halfWidth / theory.probabilityOfAbandonment < 0.02, "replications too noisy for ±2%: \(halfWidth)")
    }

    /// Analytic fidelity reads Erlang A itself: pooled over the days' draws, the same share.
    @Test func analyticFidelityGivesUpAsErlangASays() throws {
        let model = try fixture("counter.json", Self.impatient + ["simulation.serviceFidelity=\"analytic\""])
        let theory = ErlangA(
            arrivalRate: 240 / (model.hoursPerWorkingDay * 60), serviceRate: 1.0 / 15, servers: 8, abandonmentRate: 1.0 / 20)
        let pooled = Pooled(model, replications: 2)
        #expect(
            abs(pooled.abandonedShare / theory.probabilityOfAbandonment - 1) < 0.02,
            "gave up \(pooled.abandonedShare) vs \(theory.probabilityOfAbandonment)")
        #expect(abs(pooled.meanWait / theory.meanWaitOfServed - 1) < 1e-9, "\(pooled.meanWait) vs \(theory.meanWaitOfServed)")
    }

    /// Half of those who give up come back a working day later: their visits are counted apart
    /// from the requests (which, on the same arrival stream, do not change at all), they make
    /// the line longer so more give up, and the share who come back is half within 3 standard
    /// errors.
    @Test func halfOfThoseWhoGiveUpComeBack() throws {
        let without = Pooled(try fixture("counter.json", Self.impatient), replications: 2)
        let with = Pooled(
            try fixture("counter.json", Self.impatient + ["regions.town.units.counter.service.returnShare=0.5"]), replications: 2)
        #expect(with.requests == without.requests)
        #expect(without.returned == 0)
        #expect(with.abandonedShare > without.abandonedShare)
        let share = with.returned / with.abandoned
        let standardError = (0.25 / with.abandoned).squareRoot()
        #expect(abs(share - 0.5) < 3 * standardError, "came back \(share) of those who gave up (SE \(standardError))")
    }
}
