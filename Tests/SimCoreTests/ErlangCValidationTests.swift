import SimCore
import Testing

/// The kernel against queueing theory. Each expectation is computed from the formula in the test;
/// the tolerance is stated and the replications' own 95% interval is checked to be tighter than
/// the tolerance, so a pass is evidence, not luck.
@Suite struct ErlangCValidationTests {
    @Test func erlangCFormulaGivesThePublishedValue() {
        let queue = ErlangC(arrivalRate: 9, serviceRate: 1, servers: 10)
        #expect(abs(queue.meanWait - 0.6687) < 0.00005)
        // M/M/1: Wq = ρ/(μ − λ).
        let single = ErlangC(arrivalRate: 0.5, serviceRate: 1, servers: 1)
        #expect(abs(single.meanWait - 1.0) < 1e-12)
        #expect(abs(single.probabilityOfWaiting - 0.5) < 1e-12)
    }

    /// M/M/10 at λ = 9/h, μ = 1/h (ρ = 0.9): Wq within ±2% over 5 pooled replications, and the FIFO
    /// wait tail P(Wq > 1 h) = C·e^{−(cμ−λ)} within ±3%: the tail fails under LIFO or random order,
    /// which leave the mean unchanged.
    @Test func mmcMeanWaitAndTailMatchErlangC() {
        let theory = ErlangC(arrivalRate: 9, serviceRate: 1, servers: 10)
        let result = runMMc(arrivalsPerHour: 9, servicesPerHour: 1, servers: 10, customers: 400_000, replications: 5)
        let relativeError = abs(result.meanWaitHours - theory.meanWait) / theory.meanWait
        #expect(relativeError < 0.02, "Wq \(result.meanWaitHours) h vs Erlang C \(theory.meanWait) h")
        #expect(result.halfWidthHours / theory.meanWait < 0.02, "the replications are too noisy to test ±2%")
        let tail = theory.probabilityWaitExceeds(1)
        #expect(isClose(result.tailShare, tail, relative: 0.03), "P(Wq > 1h) \(result.tailShare) vs \(tail)")
        #expect(isClose(result.utilisations.reduce(0, +) / 5, theory.utilisation, relative: 0.01))
    }

    @Test func mm1AtHalfLoadMatchesTheory() {
        let theory = ErlangC(arrivalRate: 0.5, serviceRate: 1, servers: 1)
        let result = runMMc(arrivalsPerHour: 0.5, servicesPerHour: 1, servers: 1, customers: 200_000, replications: 5)
        #expect(isClose(result.meanWaitHours, theory.meanWait, relative: 0.02), "Wq \(result.meanWaitHours) vs \(theory.meanWait)")
        #expect(result.halfWidthHours / theory.meanWait < 0.02)
        #expect(isClose(result.tailShare, theory.probabilityWaitExceeds(1), relative: 0.03))
    }

    @Test func mm3AtEightyPercentLoadMatchesTheory() {
        let theory = ErlangC(arrivalRate: 2.4, serviceRate: 1, servers: 3)
        let result = runMMc(arrivalsPerHour: 2.4, servicesPerHour: 1, servers: 3, customers: 300_000, replications: 5)
        #expect(isClose(result.meanWaitHours, theory.meanWait, relative: 0.02), "Wq \(result.meanWaitHours) vs \(theory.meanWait)")
        #expect(result.halfWidthHours / theory.meanWait < 0.02)
    }

    /// Little's law Lq = λ·Wq holds on each replication's own measurements (time-average queue
    /// length against observed arrival rate × mean wait), within 1%: only the customers still
    /// waiting at the end separate the two.
    @Test func littlesLawHoldsOnEachReplication() {
        let result = runMMc(arrivalsPerHour: 9, servicesPerHour: 1, servers: 10, customers: 100_000, replications: 3)
        for replication in 0..<3 {
            let lq = result.queueLengthAverages[replication]
            let lambdaW = result.arrivalRates[replication] * result.replicationWaits[replication]
            #expect(isClose(lq, lambdaW, relative: 0.01), "replication \(replication): Lq \(lq) vs λW \(lambdaW)")
        }
    }

    @Test func theSameSeedGivesIdenticalResultsAndAnotherSeedDoesNot() {
        let a = runMMc(arrivalsPerHour: 9, servicesPerHour: 1, servers: 10, customers: 20_000, replications: 2, seed: 7)
        let b = runMMc(arrivalsPerHour: 9, servicesPerHour: 1, servers: 10, customers: 20_000, replications: 2, seed: 7)
        let c = runMMc(arrivalsPerHour: 9, servicesPerHour: 1, servers: 10, customers: 20_000, replications: 2, seed: 8)
        #expect(a.pooledWaits == b.pooledWaits)
        #expect(a.replicationWaits.map(\.bitPattern) == b.replicationWaits.map(\.bitPattern))
        #expect(a.pooledWaits != c.pooledWaits)
    }
}
