import SimCore
import Testing

/// The Erlang A formulas against limits and identities they must satisfy; the simulation
/// against them is in AbandonmentTests (SimWorkforceTests).
@Suite struct ErlangATests {
    /// Citizens who almost never give up make Erlang C: nobody abandons, and the wait is C's.
    @Test func nearlyInfinitePatienceIsErlangC() {
        let c = ErlangC(arrivalRate: 9, serviceRate: 1, servers: 10)
        let a = ErlangA(arrivalRate: 9, serviceRate: 1, servers: 10, abandonmentRate: 1e-7)
        #expect(a.probabilityOfAbandonment < 1e-5)
        #expect(isClose(a.meanWaitOfServed, c.meanWait, relative: 1e-4), "\(a.meanWaitOfServed) vs \(c.meanWait)")
        #expect(isClose(a.probabilityOfWaiting, c.probabilityOfWaiting, relative: 1e-4))
        #expect(isClose(a.utilisation, c.utilisation, relative: 1e-4))
    }

    /// Flow balance, which the stationary sums satisfy only if the chain is right: what is
    /// served (λ·(1 − P(Ab))) equals what the busy servers finish (μ·c·utilisation), here at twice
    /// the capacity, where at least half must give up.
    @Test func servedFlowEqualsServiceCapacityUsedAtOverload() {
        for (arrivals, patienceRate) in [(20.0, 0.5), (20.0, 4.0), (7.0, 1.0), (300.0, 0.05)] {
            let a = ErlangA(arrivalRate: arrivals, serviceRate: 1, servers: 10, abandonmentRate: patienceRate)
            #expect(
                isClose(arrivals * (1 - a.probabilityOfAbandonment), 10 * a.utilisation, relative: 1e-9),
                "λ \(arrivals), θ \(patienceRate)")
            if arrivals >= 20 { #expect(a.probabilityOfAbandonment >= 1 - 10 / arrivals - 1e-12) }
            #expect(a.meanWaitOfServed >= 0 && a.meanWaitOfServed <= a.meanWait / max(1 - a.probabilityOfAbandonment, 1e-9) + 1e-12)
        }
    }

    /// One server, patience as fast as service (θ = μ): the chain is M/M/∞ in disguise
    /// (death rate n·μ), so the number present is Poisson(λ/μ) and P(Ab) = θ·E[(N − 1)⁺]/λ in
    /// closed form.
    @Test func singleServerWithPatienceEqualToServiceIsPoisson() {
        let arrivals = 3.0
        let a = ErlangA(arrivalRate: arrivals, serviceRate: 1, servers: 1, abandonmentRate: 1)
        // E[(N − 1)⁺] = E[N] − P(N ≥ 1) = λ − (1 − e^{−λ}).
        let expected = (arrivals - (1 - exp(-arrivals))) / arrivals
        #expect(isClose(a.probabilityOfAbandonment, expected, relative: 1e-12))
        #expect(isClose(a.probabilityOfWaiting, 1 - exp(-arrivals), relative: 1e-12))
    }
}
