/// Steady-state measures of the M/M/c+M queue (Erlang A; Garnett, Mandelbaum & Reiman 2002):
/// Poisson arrivals λ, c servers of exponential service rate μ, and customers who give up after
/// an exponential patience of rate θ if their service has not started. For validation and for the
/// analytic service fidelity when a counter's citizens have a patience.
///
/// The queue is stable at any load when θ > 0: abandonment keeps the line finite. The measures
/// come from the birth–death chain of the number in the system (birth λ, death min(n, c)μ +
/// max(n − c, 0)θ), summed until its terms are negligible, so they are exact up to rounding. All
/// rates share one time unit; waits are in that unit.
public struct ErlangA: Sendable, Equatable {
    public let arrivalRate: Double
    public let serviceRate: Double
    public let servers: Int
    public let abandonmentRate: Double

    /// The probability that an arrival finds every server busy and waits.
    public let probabilityOfWaiting: Double
    /// The share of arrivals who give up before their service starts: P(Ab) = θ·E[Q]/λ.
    public let probabilityOfAbandonment: Double
    /// Mean time in queue over all arrivals, those who give up included (E[Q]/λ, Little's law).
    public let meanWait: Double
    /// Mean time in queue of the arrivals who are served (0 for those who start at once).
    public let meanWaitOfServed: Double
    /// Mean number in queue.
    public let meanQueueLength: Double
    /// Busy servers ÷ servers.
    public let utilisation: Double

    /// - Precondition: λ ≥ 0, μ > 0, c ≥ 1, θ > 0.
    public init(arrivalRate λ: Double, serviceRate μ: Double, servers c: Int, abandonmentRate θ: Double) {
        precondition(λ >= 0 && μ > 0 && c >= 1 && θ > 0, "Erlang A needs λ ≥ 0, μ > 0, c ≥ 1 and θ > 0")
        (arrivalRate, serviceRate, servers, abandonmentRate) = (λ, μ, c, θ)
        let capacity = Double(c) * μ
        // Unnormalised stationary terms p_n, with running sums of what each measure needs. An
        // arrival who finds n ≥ c has k = n − c waiting ahead; it is served with probability
        // Π_{j=0}^{k} (cμ + jθ)/(cμ + (j+1)θ) and, when served, waited Σ_{j=0}^{k} 1/(cμ + (j+1)θ) on
        // average (the time of a race between exponentials does not depend on who wins it).
        var term = 1.0
        var total = 0.0
        var waiting = 0.0
        var queue = 0.0
        var busy = 0.0
        var served = 0.0
        var servedWait = 0.0
        var reach = 1.0
        var stageWait = 0.0
        var n = 0
        while true {
            if n < c {
                total += term
                served += term
                busy += term * Double(n)
            } else {
                let k = Double(n - c)
                let exitRate = capacity + (k + 1) * θ
                reach *= (capacity + k * θ) / exitRate
                stageWait += 1 / exitRate
                total += term
                waiting += term
                queue += term * k
                busy += term * Double(c)
                served += term * reach
                servedWait += term * reach * stageWait
                if term < 1e-17 * total && k * term < 1e-17 * max(queue, 1e-300) { break }
            }
            let next = λ / (Double(min(n + 1, c)) * μ + Double(max(n + 1 - c, 0)) * θ)
            term *= next
            n += 1
            if term > 1e250 {
                // Rescale every running sum: the terms are relative.
                let scale = 1e-250
                term *= scale
                total *= scale
                waiting *= scale
                queue *= scale
                busy *= scale
                served *= scale
                servedWait *= scale
            }
            if λ == 0 { break }
        }
        probabilityOfWaiting = waiting / total
        meanQueueLength = queue / total
        probabilityOfAbandonment = λ > 0 ? θ * meanQueueLength / λ : 0
        meanWait = λ > 0 ? meanQueueLength / λ : 0
        meanWaitOfServed = served > 0 ? servedWait / served : 0
        utilisation = busy / total / Double(c)
    }

    /// The share of the served arrivals who waited: those who found every server busy, less
    /// those who gave up (everyone who gives up had to wait), over those served.
    public var servedWaitedShare: Double {
        let servedShare = 1 - probabilityOfAbandonment
        return servedShare > 0 ? min(max(probabilityOfWaiting - probabilityOfAbandonment, 0) / servedShare, 1) : 0
    }

    /// An approximate p-quantile of the served arrivals' wait: 0 when at most 1 − p of them wait,
    /// else the quantile of an exponential tail with the mean positive wait of the served (the
    /// exact law is a mixture of hypoexponentials). Used only for the analytic fidelity's p90.
    public func servedWaitQuantile(_ p: Double) -> Double {
        let waited = servedWaitedShare
        guard waited > 1 - p, waited > 0 else { return 0 }
        return meanWaitOfServed / waited * log(waited / (1 - p))
    }
}
