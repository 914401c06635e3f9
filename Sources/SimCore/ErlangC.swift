/// Steady-state formulas of the M/M/c queue (Erlang C), for validation and for the analytic
/// service fidelity.
///
/// Arrival rate λ and service rate μ per server share one time unit; the results are in that unit.
/// All require a stable queue: offered load a = λ/μ < c.
public struct ErlangC: Sendable, Equatable {
    public let arrivalRate: Double
    public let serviceRate: Double
    public let servers: Int

    public init(arrivalRate: Double, serviceRate: Double, servers: Int) {
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.servers = servers
    }

    /// Offered load a = λ/μ (in Erlangs).
    public var offeredLoad: Double { arrivalRate / serviceRate }

    /// Utilisation ρ = a/c.
    public var utilisation: Double { offeredLoad / Double(servers) }

    /// Whether the queue has a steady state (ρ < 1).
    public var isStable: Bool { servers > 0 && utilisation < 1 }

    /// The probability that an arrival waits, C(c, a) = [aᶜ/c! · c/(c−a)] / [Σₖ₌₀^{c−1} aᵏ/k! + aᶜ/c! · c/(c−a)].
    ///
    /// Computed through the Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)), which never overflows,
    /// then C = c·B / (c − a(1 − B)).
    public var probabilityOfWaiting: Double {
        precondition(isStable, "Erlang C needs λ/μ < c")
        let a = offeredLoad
        var b = 1.0
        for k in 1...servers { b = a * b / (Double(k) + a * b) }
        let c = Double(servers)
        return c * b / (c - a * (1 - b))
    }

    /// Mean wait in queue Wq = C / (cμ − λ).
    public var meanWait: Double {
        probabilityOfWaiting / (Double(servers) * serviceRate - arrivalRate)
    }

    /// P(Wq > t) = C · exp(−(cμ − λ) t) for FIFO service.
    public func probabilityWaitExceeds(_ t: Double) -> Double {
        probabilityOfWaiting * exp(-(Double(servers) * serviceRate - arrivalRate) * t)
    }

    /// Mean queue length Lq = λ Wq (Little's law).
    public var meanQueueLength: Double { arrivalRate * meanWait }

    /// The p-quantile of the wait in queue (0 when P(wait) ≤ 1 − p).
    public func waitQuantile(_ p: Double) -> Double {
        let c = probabilityOfWaiting
        guard c > 1 - p else { return 0 }
        return log(c / (1 - p)) / (Double(servers) * serviceRate - arrivalRate)
    }
}
