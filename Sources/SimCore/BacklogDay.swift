/// One working day of a multi-server counter that may open with a backlog or be overloaded, for
/// analytic service fidelity. While a queue stands, arrivals and service are taken as steady rates
/// (the fluid approximation): the backlog grows or drains linearly and a request waits for the
/// backlog ahead of it to clear, backlog ÷ service rate. Once it has drained, the rest of the day
/// is the stationary queue of Erlang C. The backlog left at the end carries to the next day, as the
/// per-request simulation's queue does.
public struct BacklogDay: Sendable, Equatable {
    /// Mean and 90th-percentile wait of the day's arrivals, minutes.
    public let meanWait: Double
    public let p90Wait: Double
    /// Requests still waiting when the day ends.
    public let backlogAtEnd: Double
    /// Share of the day's arrivals that met a standing queue (the fluid part of the day).
    public let queuedShare: Double

    /// - Parameters:
    ///   - backlog: requests waiting when the day opens.
    ///   - arrivalsPerMinute: λ; `servicePerMinute`: the counter's total service rate s = c·μ.
    ///   - minutes: the day's length T.
    ///   - stationary: the day's Erlang C mean and p90 wait when λ < s (ignored otherwise).
    public init(
        backlog: Double, arrivalsPerMinute λ: Double, servicePerMinute s: Double, minutes T: Double,
        stationary: (mean: Double, p90: Double)
    ) {
        let b0 = max(0, backlog)
        if λ >= s {
            // The queue grows all day: waits run evenly from b0/s to (b0 + (λ − s)T)/s.
            let growth = (λ - s) * T
            meanWait = (b0 + growth / 2) / s
            p90Wait = (b0 + 0.9 * growth) / s
            backlogAtEnd = b0 + growth
            queuedShare = 1
        } else if b0 > 0 {
            let drain = s - λ
            let drainMinutes = b0 / drain
            if drainMinutes >= T {
                meanWait = (b0 - drain * T / 2) / s
                p90Wait = (b0 - 0.1 * drain * T) / s
                backlogAtEnd = b0 - drain * T
                queuedShare = 1
            } else {
                // Arrivals while it drains wait evenly from b0/s down to 0; the rest as Erlang C.
                let f = drainMinutes / T
                meanWait = f * b0 / (2 * s) + (1 - f) * stationary.mean
                p90Wait = f > 0.1 ? (b0 / s) * (1 - 0.1 / f) : stationary.p90
                backlogAtEnd = 0
                queuedShare = f
            }
        } else {
            meanWait = stationary.mean
            p90Wait = stationary.p90
            backlogAtEnd = 0
            queuedShare = 0
        }
    }
}
